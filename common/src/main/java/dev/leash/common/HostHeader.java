package dev.leash.common;

/** The {@code Host} header's name part, as the gateway's and the MCP server's DNS-rebinding checks read it. */
public final class HostHeader {

    private HostHeader() {
    }

    /**
     * The name part of {@code name[:port]} or {@code [v6][:port]}, or null when the form is bad, the name empty or the
     * port not a number in 1..65535.
     */
    public static String name(String host) {
        String name;
        String port;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0 || (close + 1 < host.length() && host.charAt(close + 1) != ':')) {
                return null;
            }
            name = host.substring(0, close + 1);
            port = close + 1 < host.length() ? host.substring(close + 2) : null;
        } else {
            int colon = host.indexOf(':');
            if (colon != host.lastIndexOf(':')) {
                return null;
            }
            name = colon < 0 ? host : host.substring(0, colon);
            port = colon < 0 ? null : host.substring(colon + 1);
        }
        if (name.isEmpty() || (port != null && !validPort(port))) {
            return null;
        }
        return name;
    }

    private static boolean validPort(String port) {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int p = Integer.parseInt(port);
        return p >= 1 && p <= 65_535;
    }
}
