package io.github.fastapidocker.smoke;

import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.kernel.BuildLog;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs the built image the way FastAPI's guide checks it: start it, wait until it answers, GET each
 * probe, stop it with SIGTERM and a grace period, and remove it whatever happens. This class only
 * puts the steps in order; each step is its own class.
 */
public final class SmokeRunner {
    private final DockerEngine engine;
    private final HttpProber http;
    private final BuildLog log;
    private final Hints hints;
    private final LoopbackPorts ports;
    private final SmokeSummary summary;

    /**
     * A runner against {@code engine}.
     *
     * @param engine runs the container; opened and closed by the caller
     * @param http sends the probes' GETs
     * @param log where progress, warnings and the summary go
     * @param hints how the user changes a setting, for the advice in messages
     */
    public SmokeRunner(DockerEngine engine, HttpProber http, BuildLog log, Hints hints) {
        this(engine, http, log, hints, LoopbackPorts.SYSTEM);
    }

    SmokeRunner(DockerEngine engine, HttpProber http, BuildLog log, Hints hints, LoopbackPorts ports) {
        this.engine = engine;
        this.http = http;
        this.log = log;
        this.hints = hints;
        this.ports = ports;
        this.summary = new SmokeSummary(log, hints);
    }

    /**
     * Runs the smoke test.
     *
     * @param settings validated by {@link SmokeSettings.Builder#build(Hints)}
     * @throws SmokeFailedException when the image did not pass; the message says why and shows the
     *     container's log
     * @throws ConfigurationException when there is no image to test
     */
    public SmokeReport run(SmokeSettings settings) {
        long start = System.nanoTime();
        return run(settings, SmokeTarget.find(engine, settings, hints), probeHost(settings), start);
    }

    /**
     * Runs the smoke test unless this very image (same id) already passed it with the same
     * settings: the same bytes under the same checks give the same verdict, so an unchanged build
     * does not pay for it twice.
     *
     * @return the report, or empty when the earlier pass stands
     */
    public Optional<SmokeReport> runUnlessPassed(SmokeSettings settings) {
        long start = System.nanoTime();
        SmokeTarget target = SmokeTarget.find(engine, settings, hints);
        ProbeHost host = probeHost(settings);
        if (target.passedBefore(settings, host)) {
            summary.skipped(target, settings);
            return Optional.empty();
        }
        return Optional.of(run(settings, target, host, start));
    }

    /**
     * Whether the image this Maven run's {@code build} goal has just found on the engine (built, or
     * up to date) already passed with these settings: then the earlier pass stands, as
     * {@link #runUnlessPassed} would find, without opening the engine again to ask for the image it
     * was told about moments ago. Says so in the log when it does.
     *
     * @param imageId the id the build goal verified on the engine
     * @param engineHost the address of that engine, which decides where probes would go
     */
    public static boolean passedAsBuilt(
            SmokeSettings settings, String imageId, String engineHost, BuildLog log, Hints hints) {
        Optional<SmokeTarget> target =
                SmokeTarget.recorded(settings).filter(t -> t.imageId().equals(imageId));
        if (target.isEmpty() || !target.get().passedBefore(settings, ProbeHost.choose(settings.host(), engineHost))) {
            return false;
        }
        new SmokeSummary(log, hints).skipped(target.get(), settings);
        log.debug("Smoke test: image " + imageId + " as this run's build goal found it on " + engineHost
                + "; the engine was not asked again");
        return true;
    }

    /** The configured host, else the host of the engine's address, else 127.0.0.1. */
    private ProbeHost probeHost(SmokeSettings settings) {
        return ProbeHost.choose(settings.host(), engine.host());
    }

    private SmokeReport run(SmokeSettings settings, SmokeTarget target, ProbeHost host, long start) {
        target.forgetPass(settings);
        SmokeReport.discard(settings.outputDirectory());
        List<Probe> probes = settings.effectiveProbes();
        new Leftovers(engine, log).remove(settings);
        ContainerLaunch launch = ContainerLaunch.plan(settings, target, host, ports, hints, log);
        Findings found = new Findings(target, settings.network(), launch, engine.identity());
        summary.starting(target, settings.network(), launch);

        SmokeContainer container = null;
        try {
            long t = System.nanoTime();
            container = SmokeContainer.create(engine, launch, log);
            container.start();
            found.port = launch.reachablePort(engine, container.id());
            log.debug("timing: container create + start " + millisSince(t) + " ms");
            summary.probing(host, found.port);

            found.ready = new Readiness(engine, http, hints)
                    .await(
                            container.id(),
                            host.uri(found.port, probes.get(0).path()),
                            settings.timeout(),
                            launch.hint());
            log.debug("timing: ready after " + found.ready.millis() + " ms, " + found.ready.attempts() + " tries");
            if (target.nonRootUser()) {
                found.user = RunningUser.check(engine, container.id(), target.user());
            }

            t = System.nanoTime();
            ProbeRunner prober = new ProbeRunner(http, hints);
            found.probes.addAll(prober.probeAll(host, found.port, probes));
            log.debug("timing: probes " + millisSince(t) + " ms");
            if (found.probeFailed()) {
                throw new SmokeFailedException(
                        prober.failure(target, found.probes) + "\n" + logSection(container, found));
            }
            if (target.healthcheck()) {
                found.health = new HealthWait(engine, hints).await(container.id(), settings.timeout());
                log.debug("timing: healthy after " + found.health.millis() + " ms");
            }

            if (settings.gracefulStop() != GracefulStop.OFF) {
                found.stop = container.stop(settings.stopTimeoutSeconds());
                found.containerLog = container.tail();
                String problem = new StopDiagnosis(hints).problem(found.stop, target, settings);
                if (problem != null) {
                    if (settings.gracefulStop() == GracefulStop.FAIL) {
                        throw new SmokeFailedException(problem + "\n" + logSection(container, found));
                    }
                    log.warn(problem);
                }
            } else {
                found.containerLog = container.tail();
            }
            SmokeReport report = found.report(null, millisSince(start));
            Path file = report.write(settings.outputDirectory());
            if (report.passed()) {
                target.recordPass(settings, host);
            }
            summary.passed(report, file);
            return report;
        } catch (RuntimeException e) {
            if (container != null && found.containerLog.isEmpty()) {
                found.containerLog = container.tail();
            }
            found.writeFailure(e, millisSince(start), settings.outputDirectory(), log);
            throw e;
        } finally {
            if (container != null) {
                container.close();
            }
            log.debug("timing: smoke test " + millisSince(start) + " ms");
        }
    }

    /** The container's log, kept for the report and framed for the failure message. */
    private static String logSection(SmokeContainer container, Findings found) {
        found.containerLog = container.tail();
        return Readiness.logBlock(found.containerLog);
    }

    private static long millisSince(long startNanos) {
        return Readiness.millisSince(startNanos);
    }
}
