package dev.leash.gateway.api;

import dev.leash.gateway.app.RunningGateway.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte on a loopback socket, for what {@code java.net.http} refuses to send: a foreign
 * {@code Host}, a malformed target, a chunked body.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 10_000;

    private RawHttp() {
    }

    /**
     * Sends one request; {@code headers} must include {@code Host} when one should be sent, and a body length or
     * transfer coding when {@code body} is not null. Adds {@code Connection: close}.
     */
    static Response send(int port, String method, String target, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                socket.getOutputStream().write(body);
            }
            socket.getOutputStream().flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target, e);
        }
    }

    /** A request with {@code Host}, an optional {@code Origin} and the test token, and a JSON body or none. */
    static Response send(int port, String method, String target, String host, String origin, String jsonBody) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", host);
        if (origin != null) {
            h.put("Origin", origin);
        }
        h.put("Authorization", "Bearer " + dev.leash.gateway.app.RunningGateway.TOKEN);
        byte[] body = null;
        if (jsonBody != null) {
            body = jsonBody.getBytes(StandardCharsets.UTF_8);
            h.put("Content-Type", "application/json");
            h.put("Content-Length", Integer.toString(body.length));
        }
        return send(port, method, target, h, body);
    }

    private static Response parse(byte[] raw) {
        int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (split < 0) {
            throw new AssertionError("no complete HTTP answer: " + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        byte[] rest = java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
        boolean chunked = headers.entrySet().stream().anyMatch(e -> e.getKey().equalsIgnoreCase("Transfer-Encoding")
                && e.getValue().stream().anyMatch(v -> v.equalsIgnoreCase("chunked")));
        byte[] body = chunked ? dechunk(rest) : rest;
        return new Response(status, HttpHeaders.of(headers, (k, v) -> true), new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < in.length) {
            int eol = indexOf(java.util.Arrays.copyOfRange(in, i, in.length), "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String size = new String(in, i, eol, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            out.write(in, i + eol + 2, n);
            i += eol + 2 + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
