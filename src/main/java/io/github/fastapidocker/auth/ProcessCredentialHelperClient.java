package io.github.fastapidocker.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fastapidocker.docker.json.JsonTrees;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs {@code docker-credential-<name> get} as the docker CLI does: the server URL on stdin, JSON
 * ({@code {"Username": ..., "Secret": ...}}) on stdout. A helper that does not answer within the
 * time limit is killed, with its children, and reported.
 */
public final class ProcessCredentialHelperClient implements CredentialHelperClient {
    /** The time limit the plugin uses. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern HELPER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** What docker-credential-helpers print (exit 1) when they have nothing for the server. */
    private static final String NOT_FOUND = "credentials not found";

    private final Duration timeout;
    private final Map<String, String> env;

    /**
     * @param timeout how long a helper may take
     * @param env the environment whose {@code PATH} is searched for the helper
     */
    public ProcessCredentialHelperClient(Duration timeout, Map<String, String> env) {
        this.timeout = timeout;
        this.env = env;
    }

    @Override
    public Optional<HelperCredentials> get(String helper, String serverUrl) {
        String program = "docker-credential-" + helper;
        if (!HELPER_NAME.matcher(helper).matches()) {
            throw new CredentialLookupException("invalid credential helper name '" + helper + "'");
        }
        Path executable =
                findOnPath(program).orElseThrow(() -> new CredentialLookupException(program + " not found on PATH"));
        Process process;
        try {
            process = new ProcessBuilder(executable.toString(), "get").start();
        } catch (IOException e) {
            throw new CredentialLookupException("cannot run " + executable + ": " + e.getMessage());
        }
        Drain stdout = new Drain(process.getInputStream(), program + "-stdout");
        Drain stderr = new Drain(process.getErrorStream(), program + "-stderr");
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write((serverUrl + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // The helper may exit without reading stdin; its exit code tells the rest.
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new CredentialLookupException(
                        program + " get did not answer within " + seconds(timeout) + " and was stopped");
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new CredentialLookupException(program + " get was interrupted");
        }
        String out = stdout.text();
        int exit = process.exitValue();
        if (exit != 0) {
            String message = (stderr.text() + " " + out).strip();
            if (message.toLowerCase(Locale.ROOT).contains(NOT_FOUND)) {
                return Optional.empty();
            }
            // Its output is read (to tell "not found" apart) but never shown: a failing helper may
            // print what it holds ("fatal: <secret> store locked").
            throw new CredentialLookupException(program + " get failed (exit " + exit + "); its output is not shown,"
                    + " as it may hold secrets: run '" + program + " get' yourself to see it");
        }
        return parse(program, out);
    }

    static Optional<HelperCredentials> parse(String program, String json) {
        JsonNode node;
        try {
            node = JsonTrees.read(json);
        } catch (IOException e) {
            // Never echo the output: it may hold the secret.
            throw new CredentialLookupException(program + " get did not print valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new CredentialLookupException(program + " get did not print a JSON object");
        }
        String secret = node.path("Secret").asText("");
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HelperCredentials(node.path("Username").asText(""), secret));
    }

    private Optional<Path> findOnPath(String program) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Kills the helper and whatever it started (a shell's {@code sleep} would hold our pipes open). */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0
                ? d.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** What is kept of a helper's output: a login is a few KB; the rest is read and dropped. */
    static final int KEPT_BYTES = 1 << 20;

    /**
     * Reads a stream to its end on a daemon thread, so a full pipe never blocks the helper; keeps
     * the first {@link #KEPT_BYTES} of it, so a helper that floods its output cannot fill the heap.
     */
    static final class Drain {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream in, String name) {
            thread = new Thread(
                    () -> {
                        byte[] buffer = new byte[8192];
                        try (in) {
                            for (int n; (n = in.read(buffer)) >= 0; ) {
                                synchronized (bytes) {
                                    bytes.write(buffer, 0, Math.max(0, Math.min(n, KEPT_BYTES - bytes.size())));
                                }
                            }
                        } catch (IOException e) {
                            // The process went away; what was read is all there is.
                        }
                    },
                    name);
            thread.setDaemon(true);
            thread.start();
        }

        String text() {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
