package dev.leash.mcp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a host name or address is loopback only, or the wildcard address. */
public final class Loopback {

    private Loopback() {
    }

    public static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * True for a literal wildcard address ({@code 0.0.0.0}, {@code ::}, {@code [::]}): a bind address, never a name a
     * client reaches this machine by. Host names are not looked up.
     */
    public static boolean isWildcard(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.isEmpty() || !(h.contains(":") || h.matches("[0-9.]+"))) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
