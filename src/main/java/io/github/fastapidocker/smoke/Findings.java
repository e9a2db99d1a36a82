package io.github.fastapidocker.smoke;

import io.github.fastapidocker.docker.EngineIdentity;
import io.github.fastapidocker.kernel.BuildLog;
import io.github.fastapidocker.smoke.SmokeReport.ProbeResult;
import io.github.fastapidocker.smoke.SmokeReport.StopResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a smoke test has found so far, gathered for {@link SmokeReport} whether it passes or fails. */
final class Findings {
    private final SmokeTarget target;
    private final SmokeNetwork network;
    private final EngineIdentity engine;
    private final List<String> command;
    private final ProbeHost host;
    int port;
    Readiness.Ready ready;
    final List<ProbeResult> probes = new ArrayList<>();
    StopResult stop;
    String containerLog = "";
    RunningUser user;
    HealthWait.Healthy health;

    Findings(SmokeTarget target, SmokeNetwork network, ContainerLaunch launch, EngineIdentity engine) {
        this.target = target;
        this.network = network;
        this.engine = engine;
        this.command = launch.command();
        this.host = launch.host();
        this.port = launch.port();
    }

    boolean probeFailed() {
        return probes.stream().anyMatch(p -> !p.passed());
    }

    /** The report so far; {@code failure} is {@code null} for a pass. */
    SmokeReport report(String failure, long totalMillis) {
        return new SmokeReport(
                target.name(),
                target.imageId(),
                engine,
                network.engineName(),
                port,
                host.host(),
                "http://" + host.authority(port),
                command,
                ready,
                List.copyOf(probes),
                stop,
                failure,
                containerLog,
                totalMillis,
                user,
                health,
                target.baseImages());
    }

    /** Writes the report of a failed test; a report that cannot be written only warns. */
    void writeFailure(RuntimeException e, long totalMillis, Path directory, BuildLog log) {
        try {
            report(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), totalMillis)
                    .write(directory);
        } catch (RuntimeException writeError) {
            log.warn("Could not write " + SmokeReport.FILE_NAME + ": " + writeError.getMessage());
        }
    }
}
