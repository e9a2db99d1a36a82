package io.github.fastapidocker.smoke;

import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.DockerEngine.ExecResult;
import java.util.List;
import java.util.Optional;

/**
 * Who the server process really runs as, read inside the container from {@code /proc/1/status}
 * (the kernel's word, not the image's): process 1 is the server, started by the exec-form
 * {@code CMD}. Read with {@code cat}, which Debian- and Alpine-based images have, else with
 * {@code python3}, which a FastAPI image has.
 *
 * @param configured the image's {@code USER}
 * @param uid the effective user id of process 1
 * @param gid its effective group id
 */
public record RunningUser(String configured, long uid, long gid) {
    private static final List<List<String>> READERS = List.of(
            List.of("cat", "/proc/1/status"),
            List.of("python3", "-c", "import sys; sys.stdout.write(open('/proc/1/status').read())"));

    /**
     * Reads it and checks that it is not root.
     *
     * @throws SmokeFailedException when the server runs as uid 0, or its user cannot be read
     */
    static RunningUser check(DockerEngine engine, String containerId, String configured) {
        String tried = "";
        for (List<String> reader : READERS) {
            ExecResult result = engine.exec(containerId, reader);
            Optional<long[]> ids = result.exitCode() == 0 ? ids(result.output()) : Optional.empty();
            if (ids.isPresent()) {
                RunningUser user = new RunningUser(configured, ids.get()[0], ids.get()[1]);
                if (user.uid() == 0) {
                    throw new SmokeFailedException("The image says USER " + configured + ", but the server process"
                            + " (process 1) runs as root (uid 0): something in the image starts it as root");
                }
                return user;
            }
            tried += (tried.isEmpty() ? "" : "; ") + String.join(" ", reader) + " exited " + result.exitCode() + ": "
                    + firstLine(result.output());
        }
        throw new SmokeFailedException("Could not read which user the server process runs as (the image says USER "
                + configured + "): " + tried);
    }

    /** The effective uid and gid: the second field of the {@code Uid:} and {@code Gid:} lines. */
    static Optional<long[]> ids(String status) {
        Long uid = null;
        Long gid = null;
        for (String line : status.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 3 && fields[0].equals("Uid:")) {
                uid = parse(fields[2]);
            } else if (fields.length >= 3 && fields[0].equals("Gid:")) {
                gid = parse(fields[2]);
            }
        }
        return uid == null || gid == null ? Optional.empty() : Optional.of(new long[] {uid, gid});
    }

    private static Long parse(String field) {
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String firstLine(String output) {
        String text = output.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? (text.isEmpty() ? "(no output)" : text) : text.substring(0, newline);
    }
}
