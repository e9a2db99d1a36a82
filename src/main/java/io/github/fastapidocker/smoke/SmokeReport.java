package io.github.fastapidocker.smoke;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fastapidocker.build.BaseImage;
import io.github.fastapidocker.build.ReportFields;
import io.github.fastapidocker.docker.EngineIdentity;
import io.github.fastapidocker.docker.json.JsonTrees;
import io.github.fastapidocker.kernel.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a smoke test found, logged as a table and written to {@code target/fastapi-docker/smoke.json}.
 *
 * @param image the image as named ({@code name:tag})
 * @param imageId the image id that ran
 * @param engine which engine ran it
 * @param network {@code bridge} or {@code host}
 * @param port the port probed
 * @param host the host probed: 127.0.0.1, the engine's host or the configured one
 * @param url where the probes went, {@code http://host:port}
 * @param command the command the container ran, or empty for the image's own
 * @param ready how the server became ready, or {@code null} when it never did
 * @param probes each probe's result, in order (empty when the server never became ready)
 * @param stop how the container stopped, or {@code null} when it was not stopped gracefully
 * @param failure why the test failed, or {@code null} when it passed
 * @param containerLog the last lines of the container's output
 * @param totalMillis the whole smoke test
 * @param user who the server process ran as, or {@code null} when the image runs it as root (or the
 *     test ended before it was read)
 * @param health how the image's own health check turned healthy, or {@code null} when it has none
 *     (or the test ended before)
 * @param baseImages what {@code build} recorded the image was built on; empty when unknown
 */
public record SmokeReport(
        String image,
        String imageId,
        EngineIdentity engine,
        String network,
        int port,
        String host,
        String url,
        List<String> command,
        Readiness.Ready ready,
        List<ProbeResult> probes,
        StopResult stop,
        String failure,
        String containerLog,
        long totalMillis,
        RunningUser user,
        HealthWait.Healthy health,
        List<BaseImage> baseImages) {

    public static final String FILE_NAME = "smoke.json";

    public boolean passed() {
        return failure == null;
    }

    /**
     * One probe's answer.
     *
     * @param path what was requested
     * @param url the whole URL requested
     * @param expected what the probe expects, in words
     * @param status the status, or {@code null} when nothing answered
     * @param latencyMillis the time to the whole answer
     * @param problem why it did not pass, or {@code null}
     * @param body the body, shortened
     */
    public record ProbeResult(
            String path, String url, String expected, Integer status, long latencyMillis, String problem, String body) {
        public boolean passed() {
            return problem == null;
        }
    }

    /**
     * How the container stopped.
     *
     * @param millis from the stop request until the container had exited
     * @param exitCode the exit code, or {@code null} when the engine did not say
     * @param graceSeconds the grace period between SIGTERM and the kill
     */
    public record StopResult(long millis, Integer exitCode, int graceSeconds) {
        /** It exited by itself, with 0, after SIGTERM. */
        public boolean graceful() {
            return exitCode != null && exitCode == 0;
        }

        /** The engine had to SIGKILL it (128 + 9). */
        public boolean killed() {
            return exitCode != null && exitCode == 137;
        }
    }

    /** The report as JSON, keys in a fixed order. */
    public String toJson() {
        ObjectNode root = JsonTrees.object();
        root.put("passed", passed());
        root.put("image", image);
        root.put("imageId", imageId);
        ReportFields.engine(root, engine);
        root.put("network", network);
        root.put("port", port);
        root.put("host", host);
        root.put("url", url);
        if (user != null) {
            root.putObject("user")
                    .put("configured", user.configured())
                    .put("uid", user.uid())
                    .put("gid", user.gid());
        } else {
            root.putNull("user");
        }
        ArrayNode cmd = root.putArray("command");
        command.forEach(cmd::add);
        if (ready != null) {
            root.putObject("ready").put("millis", ready.millis()).put("attempts", ready.attempts());
        } else {
            root.putNull("ready");
        }
        if (health != null) {
            root.putObject("health")
                    .put("status", "healthy")
                    .put("millis", health.millis())
                    .put("checks", health.checks());
        } else {
            root.putNull("health");
        }
        ArrayNode list = root.putArray("probes");
        for (ProbeResult p : probes) {
            ObjectNode node = list.addObject();
            node.put("path", p.path());
            node.put("url", p.url());
            node.put("expected", p.expected());
            if (p.status() == null) {
                node.putNull("status");
            } else {
                node.put("status", p.status());
            }
            node.put("latencyMillis", p.latencyMillis());
            node.put("passed", p.passed());
            node.put("problem", p.problem());
            node.put("body", p.body());
        }
        if (stop != null) {
            ObjectNode s = root.putObject("stop");
            s.put("millis", stop.millis());
            if (stop.exitCode() == null) {
                s.putNull("exitCode");
            } else {
                s.put("exitCode", stop.exitCode());
            }
            s.put("graceful", stop.graceful());
            s.put("killed", stop.killed());
            s.put("graceSeconds", stop.graceSeconds());
        } else {
            root.putNull("stop");
        }
        ReportFields.baseImages(root, baseImages);
        root.put("totalMillis", totalMillis);
        root.put("failure", failure);
        root.put("containerLog", containerLog);
        return JsonTrees.writePretty(root) + "\n";
    }

    /**
     * Writes {@code smoke.json} into the directory, atomically where the file system can: a reader
     * sees the old report or the new one, never half of one. Returns the file.
     */
    public Path write(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            AtomicFiles.writeString(file, toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file;
    }

    /**
     * Deletes the report of an earlier run before a new one starts: a run interrupted before it
     * writes its own (a killed build) must not leave an old {@code "passed": true} standing.
     */
    static void discard(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the earlier " + file, e);
        }
    }
}
