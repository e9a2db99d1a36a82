package io.github.fastapidocker.docker.dockerjava;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A container's log stream as text. Without a TTY the engine multiplexes stdout and stderr in
 * frames: an 8-byte header (stream 0/1/2, three zero bytes, the payload size big-endian), then the
 * payload. A TTY container's stream is raw. Engines from API 1.42 say which in the Content-Type;
 * older ones do not, so the first header is recognised by its shape, as docker-java does.
 */
final class LogFrames {
    static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
    static final String RAW = "application/vnd.docker.raw-stream";
    private static final int HEADER = 8;

    private LogFrames() {}

    static String text(String contentType, InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
        boolean multiplexed = contentType != null && contentType.startsWith(MULTIPLEXED)
                || (contentType == null || !contentType.startsWith(RAW)) && looksFramed(bytes, 0);
        return new String(multiplexed ? demux(bytes) : bytes, StandardCharsets.UTF_8);
    }

    private static boolean looksFramed(byte[] bytes, int at) {
        return bytes.length - at >= HEADER
                && bytes[at] >= 0
                && bytes[at] <= 2
                && bytes[at + 1] == 0
                && bytes[at + 2] == 0
                && bytes[at + 3] == 0;
    }

    /** The payloads, in order; what follows a header that is not one is kept as it is. */
    static byte[] demux(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        int at = 0;
        while (at < bytes.length) {
            if (!looksFramed(bytes, at)) {
                out.write(bytes, at, bytes.length - at);
                break;
            }
            long size = ((bytes[at + 4] & 0xFFL) << 24)
                    | ((bytes[at + 5] & 0xFFL) << 16)
                    | ((bytes[at + 6] & 0xFFL) << 8)
                    | (bytes[at + 7] & 0xFFL);
            int start = at + HEADER;
            int length = (int) Math.min(size, bytes.length - start);
            out.write(bytes, start, length);
            at = start + length;
        }
        return out.toByteArray();
    }
}
