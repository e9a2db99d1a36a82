package io.github.fastapidocker.smoke;

import io.github.fastapidocker.build.BuildRecord;
import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.DockerEngine.ContainerSpec;
import io.github.fastapidocker.docker.DockerEngine.ContainerState;
import io.github.fastapidocker.docker.EngineException;
import io.github.fastapidocker.docker.EngineUnavailableException;
import io.github.fastapidocker.dockerfile.DockerfileInspector;
import io.github.fastapidocker.kernel.BuildLog;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Fingerprint;
import io.github.fastapidocker.smoke.SmokeReport.ProbeResult;
import io.github.fastapidocker.smoke.SmokeReport.StopResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs the built image the way FastAPI's guide checks it: start it, wait until it answers, GET each
 * probe, stop it with SIGTERM and a grace period, and remove it whatever happens.
 */
public final class SmokeTest {
    public static final String LABEL_SMOKE = "io.github.fastapidocker.smoke";
    public static final String LABEL_PROJECT = "io.github.fastapidocker.project";
    public static final String LABEL_DIRECTORY = "io.github.fastapidocker.directory";
    public static final String LABEL_RUN = "io.github.fastapidocker.run";
    /** The image id that passed and the fingerprint of the settings it passed with. */
    public static final String FINGERPRINT = "smoke.fingerprint";

    /** One probe's whole answer may take this long. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    /** Characters of a body shown in a failure and kept in the report. */
    static final int BODY_SHOWN = 500;

    private static final String USE_HOST_NETWORK =
            "Use the host network: <smokeNetwork>host</smokeNetwork> or -Dfastapi.smoke.network=host.";

    private final DockerEngine engine;
    private final HttpProber http;
    private final BuildLog log;
    private final LoopbackPorts ports;

    public SmokeTest(DockerEngine engine, HttpProber http, BuildLog log) {
        this(engine, http, log, LoopbackPorts.SYSTEM);
    }

    SmokeTest(DockerEngine engine, HttpProber http, BuildLog log, LoopbackPorts ports) {
        this.engine = engine;
        this.http = http;
        this.log = log;
        this.ports = ports;
    }

    /**
     * The image to run.
     *
     * @param name as the user knows it ({@code name:tag})
     * @param reference what the engine runs (the recorded image id, else {@code name:tag})
     * @param imageId the engine's id of the image
     * @param command the server command of a generated Dockerfile, or {@code null} for the image's own
     * @param port the port the server listens on inside the container
     */
    record Target(String name, String reference, String imageId, List<String> command, int port) {}

    /**
     * How the container is started and reached.
     *
     * @param spec what the engine creates
     * @param port the loopback port to probe
     * @param hint what to check when the server never answers
     */
    record Launch(ContainerSpec spec, int port, String hint) {}

    /**
     * Runs the smoke test.
     *
     * @throws SmokeTestFailedException when the image did not pass; the message says why and shows the
     *     container's log
     * @throws ConfigurationException when there is no image to test or the settings are wrong
     */
    public SmokeReport run(SmokeSettings settings) {
        long start = System.nanoTime();
        settings.validate();
        return run(settings, target(settings), start);
    }

    /**
     * Runs the smoke test unless this very image (same id) already passed it with the same
     * settings: the same bytes under the same checks give the same verdict, so an unchanged
     * {@code mvn package} does not pay for it twice.
     *
     * @return the report, or empty when the earlier pass stands
     */
    public Optional<SmokeReport> runUnlessPassed(SmokeSettings settings) {
        long start = System.nanoTime();
        settings.validate();
        Target target = target(settings);
        Optional<Fingerprint.Recorded> earlier =
                Fingerprint.Recorded.read(settings.outputDirectory().resolve(FINGERPRINT));
        if (earlier.isPresent()
                && earlier.get().id().equals(target.imageId())
                && earlier.get().fingerprint().equals(fingerprint(settings, target))) {
            log.info("Smoke test of " + target.name() + " skipped: image " + target.imageId()
                    + " already passed it with the same settings ("
                    + settings.outputDirectory().resolve(SmokeReport.FILE_NAME)
                    + "); -Dfastapi.smoke.force=true runs it again");
            return Optional.empty();
        }
        return Optional.of(run(settings, target, start));
    }

    /** Everything that decides the verdict besides the image itself. */
    static String fingerprint(SmokeSettings settings, Target target) {
        return new Fingerprint()
                .add("image", target.imageId())
                .add("command", target.command())
                .add("port", target.port())
                .add("network", settings.network())
                .add("probes", settings.effectiveProbes())
                .add("timeout", settings.timeout())
                .add("stopTimeout", settings.stopTimeoutSeconds())
                .add("gracefulStop", settings.gracefulStop())
                .add("env", new java.util.TreeMap<>(settings.env()))
                .hex();
    }

    private SmokeReport run(SmokeSettings settings, Target target, long start) {
        Path fingerprintFile = settings.outputDirectory().resolve(FINGERPRINT);
        Fingerprint.Recorded.delete(fingerprintFile);
        List<Probe> probes = settings.effectiveProbes();
        removeLeftovers(settings);
        Launch launch = launch(settings, target);
        Facts facts = new Facts(target, launch, settings);
        log.info("Smoke-testing " + target.name() + " on the "
                + settings.network().engineName() + " network, server at " + LoopbackPorts.ADDRESS + ":" + launch.port()
                + describeCommand(launch.spec()));

        String id = null;
        ShutdownCleanup cleanup = null;
        try {
            long t = System.nanoTime();
            id = create(launch.spec(), settings.network());
            cleanup = ShutdownCleanup.register(engine, id);
            engine.startContainer(id);
            int port = settings.network() == SmokeNetwork.BRIDGE
                    ? published(id, target.port(), launch.port())
                    : launch.port();
            facts.port = port;
            log.debug("timing: container create + start " + millisSince(t) + " ms");

            URI readyUri = uri(port, probes.get(0).path());
            facts.ready = new Readiness(engine, http).await(id, readyUri, settings.timeout(), launch.hint());
            log.debug("timing: ready after " + facts.ready.millis() + " ms, " + facts.ready.attempts() + " tries");

            t = System.nanoTime();
            for (Probe probe : probes) {
                facts.probes.add(probe(port, probe));
            }
            log.debug("timing: probes " + millisSince(t) + " ms");
            if (facts.probes.stream().anyMatch(p -> !p.passed())) {
                throw new SmokeTestFailedException(probeFailure(target, facts.probes) + "\n" + logSection(id, facts));
            }

            if (settings.gracefulStop() != GracefulStop.OFF) {
                facts.stop = stop(id, settings.stopTimeoutSeconds());
                facts.containerLog = tail(id);
                String problem = stopProblem(facts.stop, target, settings);
                if (problem != null) {
                    if (settings.gracefulStop() == GracefulStop.FAIL) {
                        throw new SmokeTestFailedException(problem + "\n" + logSection(id, facts));
                    }
                    log.warn(problem);
                }
            } else {
                facts.containerLog = tail(id);
            }
            SmokeReport report = facts.report(null, millisSince(start));
            Path file = report.write(settings.outputDirectory());
            if (report.passed()) {
                new Fingerprint.Recorded(target.imageId(), fingerprint(settings, target)).write(fingerprintFile);
            }
            summarize(report, file);
            return report;
        } catch (RuntimeException e) {
            if (id != null && facts.containerLog.isEmpty()) {
                facts.containerLog = tail(id);
            }
            writeFailure(facts, e, millisSince(start), settings.outputDirectory());
            throw e;
        } finally {
            if (id != null) {
                long t = System.nanoTime();
                remove(id);
                log.debug("timing: remove " + millisSince(t) + " ms");
            }
            if (cleanup != null) {
                cleanup.close();
            }
            log.debug("timing: smoke test " + millisSince(start) + " ms");
        }
    }

    /** What {@code build} recorded for the configured image, else the configured {@code image:tag}. */
    Target target(SmokeSettings settings) {
        Optional<BuildRecord> record = BuildRecord.read(settings.outputDirectory());
        Target target;
        if (record.isPresent()
                && record.get().imageId() != null
                && (settings.image() == null
                        || settings.image().equals(record.get().image()))) {
            BuildRecord r = record.get();
            String name =
                    r.tags().isEmpty() ? r.image() : r.image() + ":" + r.tags().get(0);
            target = new Target(name, r.imageId(), null, r.command().isEmpty() ? null : r.command(), r.port());
        } else if (settings.image() != null && settings.tag() != null) {
            String name = settings.image() + ":" + settings.tag();
            target = new Target(name, name, null, null, settings.configuredPort());
        } else {
            throw new ConfigurationException("No image to smoke-test: the build goal recorded none in "
                    + settings.outputDirectory().resolve(BuildRecord.FILE_NAME)
                    + " and <tags> names none. Run the build goal first (mvn package), or set <image> and <tags>.");
        }
        Target found = target;
        DockerEngine.ImageInfo image = engine.inspectImage(target.reference())
                .orElseThrow(() -> new ConfigurationException("Image " + found.name()
                        + (found.reference().equals(found.name()) ? "" : " (" + found.reference() + ")")
                        + " not found on the engine at " + engine.host() + ". Run the build goal first (mvn package),"
                        + " or set <image> and <tags> to an image the engine has."));
        return new Target(target.name(), target.reference(), image.id(), target.command(), target.port());
    }

    /** Removes containers that an earlier, killed smoke test of this project left behind. */
    private void removeLeftovers(SmokeSettings settings) {
        Map<String, String> mine = new LinkedHashMap<>();
        mine.put(LABEL_SMOKE, "true");
        mine.put(LABEL_PROJECT, settings.project());
        mine.put(LABEL_DIRECTORY, directoryLabel(settings));
        for (String leftover : engine.containersWithLabels(mine)) {
            engine.removeContainer(leftover);
            log.warn("Removed container " + Readiness.shortId(leftover) + " that an earlier smoke test of "
                    + settings.project() + " left behind (was that build killed?)");
        }
    }

    Launch launch(SmokeSettings settings, Target target) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LABEL_SMOKE, "true");
        labels.put(LABEL_PROJECT, settings.project());
        labels.put(LABEL_DIRECTORY, directoryLabel(settings));
        labels.put(LABEL_RUN, UUID.randomUUID().toString());
        Map<String, String> env = new LinkedHashMap<>(settings.env());
        if (settings.network() == SmokeNetwork.BRIDGE) {
            int hostPort = ports.free();
            return new Launch(
                    new ContainerSpec(
                            target.reference(),
                            null,
                            labels,
                            SmokeNetwork.BRIDGE.engineName(),
                            target.port(),
                            hostPort,
                            LoopbackPorts.ADDRESS,
                            env),
                    hostPort,
                    "The server must listen on 0.0.0.0, port " + target.port() + " inside the container (<port>).");
        }
        if (target.command() != null) {
            int port = ports.free();
            return new Launch(
                    new ContainerSpec(
                            target.reference(),
                            onLoopbackPort(target.command(), port),
                            labels,
                            SmokeNetwork.HOST.engineName(),
                            null,
                            null,
                            null,
                            env),
                    port,
                    "");
        }
        // The plugin cannot move the port of a command it did not write.
        int port = target.port();
        if (ports.inUse(port)) {
            throw new ConfigurationException("Port " + port + " on " + LoopbackPorts.ADDRESS + " is in use, and on the"
                    + " host network your image's own command listens there (set <port> to the port your CMD"
                    + " uses, free it, or use <smokeNetwork>bridge</smokeNetwork>)");
        }
        log.info("Host network and your own Dockerfile: running the image's own command and probing port " + port
                + " (<port>); the plugin cannot move it to a free port");
        return new Launch(
                new ContainerSpec(
                        target.reference(), null, labels, SmokeNetwork.HOST.engineName(), null, null, null, env),
                port,
                "On the host network your image's own command must listen on port " + port
                        + " (set <port> to the port your CMD uses).");
    }

    /** The recorded server command with {@code --port} moved and {@code --host} kept on loopback. */
    static List<String> onLoopbackPort(List<String> command, int port) {
        List<String> out = new ArrayList<>();
        boolean portSet = false;
        boolean hostSet = false;
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            if ((arg.equals("--port") || arg.equals("--host")) && i + 1 < command.size()) {
                boolean isPort = arg.equals("--port");
                out.add(arg);
                out.add(isPort ? Integer.toString(port) : LoopbackPorts.ADDRESS);
                portSet |= isPort;
                hostSet |= !isPort;
                i++;
            } else if (arg.startsWith("--port=")) {
                out.add("--port=" + port);
                portSet = true;
            } else if (arg.startsWith("--host=")) {
                out.add("--host=" + LoopbackPorts.ADDRESS);
                hostSet = true;
            } else {
                out.add(arg);
            }
        }
        if (!portSet) {
            out.add("--port");
            out.add(Integer.toString(port));
        }
        if (!hostSet) {
            // Sharing the host's network, the server would otherwise listen on every interface.
            out.add("--host");
            out.add(LoopbackPorts.ADDRESS);
        }
        return out;
    }

    private String create(ContainerSpec spec, SmokeNetwork network) {
        try {
            return engine.createContainer(spec);
        } catch (EngineUnavailableException e) {
            throw e;
        } catch (EngineException e) {
            if (network == SmokeNetwork.BRIDGE
                    && e.getMessage() != null
                    && e.getMessage().toLowerCase(Locale.ROOT).contains("network")) {
                throw new SmokeTestFailedException(e.getMessage() + ". " + USE_HOST_NETWORK);
            }
            throw e;
        }
    }

    /** The port the engine really published; an engine without a bridge silently publishes none. */
    private int published(String id, int containerPort, int requested) {
        return engine.publishedPort(id, containerPort)
                .orElseThrow(() -> new SmokeTestFailedException("The engine did not publish container port "
                        + containerPort + " on " + LoopbackPorts.ADDRESS + ":"
                        + requested + ": it has no working bridge network (an engine started with --bridge=none?). "
                        + USE_HOST_NETWORK));
    }

    private ProbeResult probe(int port, Probe probe) {
        long t = System.nanoTime();
        try {
            HttpProber.Answer answer = http.get(uri(port, probe.path()), PROBE_TIMEOUT);
            long latency = millisSince(t);
            return new ProbeResult(
                    probe.path(),
                    probe.expectation(),
                    answer.status(),
                    latency,
                    probe.mismatch(answer.status(), answer.body()).orElse(null),
                    shorten(answer.body()));
        } catch (IOException e) {
            return new ProbeResult(
                    probe.path(),
                    probe.expectation(),
                    null,
                    millisSince(t),
                    "no answer: " + Readiness.describe(e),
                    null);
        }
    }

    private static String probeFailure(Target target, List<ProbeResult> results) {
        long failed = results.stream().filter(p -> !p.passed()).count();
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "Smoke test of %s failed: %d of %d probes did not pass (configure them in <probes>).",
                target.name(),
                failed,
                results.size()));
        for (ProbeResult p : results) {
            if (p.passed()) {
                continue;
            }
            out.append("\n  GET ").append(p.path()).append(": ").append(p.problem());
            out.append("\n    expected: ").append(p.expected());
            out.append("\n    actual:   ");
            if (p.status() == null) {
                out.append("no answer");
            } else {
                out.append("status ")
                        .append(p.status())
                        .append(", body ")
                        .append(p.body() == null || p.body().isEmpty() ? "(empty)" : oneLine(p.body()));
            }
        }
        return out.toString();
    }

    private StopResult stop(String id, int graceSeconds) {
        long t = System.nanoTime();
        engine.stopContainer(id, graceSeconds);
        long millis = millisSince(t);
        Integer exit = engine.inspectContainer(id).map(ContainerState::exitCode).orElse(null);
        log.debug("timing: stop " + millis + " ms, exit " + exit);
        return new StopResult(millis, exit, graceSeconds);
    }

    /** Why the stop was not graceful, or {@code null} when it was. */
    String stopProblem(StopResult stop, Target target, SmokeSettings settings) {
        if (stop.graceful()) {
            return null;
        }
        String seconds = String.format(Locale.ROOT, "%.1f s", stop.millis() / 1000.0);
        String accept = " <gracefulStop>warn</gracefulStop> (-Dfastapi.smoke.gracefulStop=warn) only warns.";
        if (stop.killed()) {
            StringBuilder out = new StringBuilder("The server did not stop within " + stop.graceSeconds()
                    + " s of SIGTERM and was killed (exit 137, the stop took " + seconds + "). It never shut down"
                    + " gracefully: FastAPI's lifespan shutdown did not run, and every stop of this image waits out"
                    + " the whole grace period (Docker's default is 10 s; measured 10.2 s against 0.5 s).");
            Optional<DockerfileInspector.StartInstruction> shellForm = shellFormInstruction(settings.userDockerfile());
            if (shellForm.isPresent()) {
                DockerfileInspector.StartInstruction i = shellForm.get();
                out.append(" Cause: ")
                        .append(settings.userDockerfile())
                        .append(" has ")
                        .append(i.keyword())
                        .append(" in shell form (")
                        .append(i.keyword())
                        .append(' ')
                        .append(i.arguments())
                        .append("):")
                        .append(" /bin/sh becomes process 1 and does not pass SIGTERM on to the server.")
                        .append(" Write it in exec form, a JSON array, as FastAPI's guide says: ")
                        .append(i.keyword())
                        .append(' ')
                        .append(execFormOf(i.arguments()))
                        .append('.');
            } else if (target.command() != null) {
                out.append(" The generated CMD is in exec form, so the server received SIGTERM: the app's own"
                        + " shutdown (lifespan handlers, background threads) took longer than <stopTimeout> ("
                        + stop.graceSeconds() + " s). Raise <stopTimeout> / -Dfastapi.smoke.stopTimeout if it"
                        + " needs longer.");
            } else {
                out.append(" The usual cause is a CMD or ENTRYPOINT in shell form (CMD fastapi run app/main.py):"
                        + " /bin/sh becomes process 1 and does not pass SIGTERM on to the server. Write it in exec"
                        + " form, a JSON array, as FastAPI's guide says: CMD [\"fastapi\", \"run\", \"app/main.py\","
                        + " \"--port\", \"80\"]. If it already is, the app's shutdown takes longer than <stopTimeout>"
                        + " (-Dfastapi.smoke.stopTimeout).");
            }
            return out.append(accept).toString();
        }
        return "The server exited with code " + stop.exitCode() + " after SIGTERM (the stop took " + seconds
                + "): its shutdown failed; see the log below." + accept;
    }

    private static Optional<DockerfileInspector.StartInstruction> shellFormInstruction(Path dockerfile) {
        if (dockerfile == null || !Files.isRegularFile(dockerfile)) {
            return Optional.empty();
        }
        try {
            return DockerfileInspector.startInstruction(Files.readString(dockerfile, StandardCharsets.UTF_8))
                    .filter(i -> !i.execForm());
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** {@code fastapi run app/main.py --port 80} as {@code ["fastapi", "run", ...]} (simple words only). */
    static String execFormOf(String shellForm) {
        List<String> words = new ArrayList<>();
        for (String word : shellForm.trim().split("\\s+")) {
            words.add("\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return "[" + String.join(", ", words) + "]";
    }

    private void remove(String id) {
        try {
            engine.removeContainer(id);
        } catch (RuntimeException e) {
            log.warn("Could not remove smoke-test container " + Readiness.shortId(id) + ": " + e.getMessage()
                    + " (remove it with: docker rm -f " + id + ")");
        }
    }

    private String tail(String id) {
        try {
            return engine.logs(id, Readiness.LOG_TAIL_LINES).strip();
        } catch (RuntimeException e) {
            return "(could not read it: " + e.getMessage() + ")";
        }
    }

    private String logSection(String id, Facts facts) {
        facts.containerLog = tail(id);
        return Readiness.logBlock(facts.containerLog);
    }

    private void writeFailure(Facts facts, RuntimeException e, long totalMillis, Path directory) {
        try {
            facts.report(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), totalMillis)
                    .write(directory);
        } catch (RuntimeException writeError) {
            log.warn("Could not write " + SmokeReport.FILE_NAME + ": " + writeError.getMessage());
        }
    }

    private void summarize(SmokeReport r, Path file) {
        log.info("Smoke test of " + r.image() + " passed");
        log.info(String.format(
                Locale.ROOT,
                "  ready after %.1f s (%d tries)",
                r.ready().millis() / 1000.0,
                r.ready().attempts()));
        int width = r.probes().stream().mapToInt(p -> p.path().length()).max().orElse(0);
        for (ProbeResult p : r.probes()) {
            log.info(String.format(
                    Locale.ROOT, "  GET %-" + width + "s  %d  %4d ms  ok", p.path(), p.status(), p.latencyMillis()));
        }
        if (r.stop() != null) {
            log.info(String.format(
                    Locale.ROOT,
                    "  stopped in %.1f s, exit %s (%s)",
                    r.stop().millis() / 1000.0,
                    r.stop().exitCode(),
                    r.stop().graceful() ? "graceful" : r.stop().killed() ? "killed" : "not graceful"));
        } else {
            log.info("  not stopped gracefully: removed at once (<gracefulStop>off</gracefulStop>)");
        }
        log.info(String.format(Locale.ROOT, "  total %.1f s, report %s", r.totalMillis() / 1000.0, file));
    }

    private static String describeCommand(ContainerSpec spec) {
        return spec.command() == null ? "" : " (" + String.join(" ", spec.command()) + ")";
    }

    private static String directoryLabel(SmokeSettings settings) {
        return settings.projectDirectory().toAbsolutePath().normalize().toString();
    }

    static URI uri(int port, String path) {
        return URI.create("http://" + LoopbackPorts.ADDRESS + ":" + port + path);
    }

    static String shorten(String body) {
        if (body == null) {
            return null;
        }
        return body.length() <= BODY_SHOWN ? body : body.substring(0, BODY_SHOWN) + "... (" + body.length() + " chars)";
    }

    private static String oneLine(String text) {
        return text.replace("\r", "").replace("\n", "\\n");
    }

    private static long millisSince(long startNanos) {
        return Readiness.millisSince(startNanos);
    }

    /** What is known so far, for the report whether the test passes or fails. */
    private static final class Facts {
        final Target target;
        final SmokeSettings settings;
        final List<String> command;
        int port;
        Readiness.Ready ready;
        final List<ProbeResult> probes = new ArrayList<>();
        StopResult stop;
        String containerLog = "";

        Facts(Target target, Launch launch, SmokeSettings settings) {
            this.target = target;
            this.settings = settings;
            this.command =
                    launch.spec().command() == null ? List.of() : launch.spec().command();
            this.port = launch.port();
        }

        SmokeReport report(String failure, long totalMillis) {
            return new SmokeReport(
                    target.name(),
                    target.imageId(),
                    settings.network().engineName(),
                    port,
                    command,
                    ready,
                    List.copyOf(probes),
                    stop,
                    failure,
                    containerLog,
                    totalMillis);
        }
    }
}
