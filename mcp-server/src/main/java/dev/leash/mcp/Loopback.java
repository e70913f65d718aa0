package dev.leash.mcp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a host name or address is loopback only. */
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
}
