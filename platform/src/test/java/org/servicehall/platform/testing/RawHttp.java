package org.servicehall.platform.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 spoken over a socket, byte for byte as a test writes it: what no HTTP client sends (a malformed request
 * line, a bad percent-encoding, a header with a control character, a chunked body that never ends, a {@code Host}
 * header of the caller's choosing).
 */
public final class RawHttp {

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** An answer: its status line's code, its headers (names in lower case) and its body, de-chunked. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends {@code request} as it is and reads the answer; the connection is closed afterwards. */
    public Answer send(byte[] request) throws IOException {
        try (Socket socket = open()) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    public Answer send(String request) throws IOException {
        return send(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends {@code method path} with {@code host} as its Host header (a forged one, as an attacker would send). */
    public Answer send(String method, String path, String host, Map<String, String> headers, String body)
            throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        request.write(content);
        return send(request.toByteArray());
    }

    /**
     * Sends the head of a request with a chunked body, the body's {@code start} as one chunk, then {@code chunks}
     * chunks of {@code chunkSize} letters, and never the last chunk: an answer comes only if the server stops reading
     * by itself.
     */
    public Answer sendEndlessBody(String head, String start, int chunkSize, int chunks) throws IOException {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            byte[] first = start.getBytes(StandardCharsets.UTF_8);
            byte[] chunk = new byte[chunkSize];
            Arrays.fill(chunk, (byte) 'h');
            try {
                out.write((Integer.toHexString(first.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(first);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < chunks; i++) {
                    out.write((Integer.toHexString(chunkSize) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException closedByTheServer) {
                // it answered and closed the connection while the body was still coming: what a limit should do
            }
            return read(socket.getInputStream());
        }
    }

    private Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                all.write(buffer, 0, n);
                Answer answer = parse(all.toString(StandardCharsets.ISO_8859_1), false);
                if (answer != null) {
                    return answer;
                }
            }
        } catch (SocketTimeoutException | SocketException e) {
            // what came is all there is
        }
        Answer answer = parse(all.toString(StandardCharsets.ISO_8859_1), true);
        if (answer == null) {
            throw new IOException("No complete answer, got: " + all.toString(StandardCharsets.UTF_8));
        }
        return answer;
    }

    /** The answer, if it is complete (or the connection ended), else null; the text is the bytes as ISO-8859-1. */
    private static Answer parse(String text, boolean ended) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return null;
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            StringBuilder content = new StringBuilder();
            int at = 0;
            for (int size = -1; size != 0; ) {
                int lineEnd = body.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    return null;
                }
                size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
                if (body.length() < lineEnd + 2 + size) {
                    return null;
                }
                content.append(body, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            body = content.toString();
        } else if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            if (body.length() < length) {
                return null;
            }
            body = body.substring(0, length);
        } else if (!ended && "close".equalsIgnoreCase(headers.get("connection"))) {
            return null; // the body ends when the connection does
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers,
                          new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
}
