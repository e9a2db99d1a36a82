package io.github.fastapidocker.smoke;

import io.github.fastapidocker.kernel.BuildLog;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import io.github.fastapidocker.smoke.SmokeReport.ProbeResult;
import java.nio.file.Path;
import java.util.Locale;

/** The INFO lines of a smoke test: what is about to run, that it was skipped, or the passed table. */
final class SmokeSummary {
    private final BuildLog log;
    private final Hints hints;

    SmokeSummary(BuildLog log, Hints hints) {
        this.log = log;
        this.hints = hints;
    }

    /** What is about to run, on which network. */
    void starting(SmokeTarget target, SmokeNetwork network, ContainerLaunch launch) {
        log.info("Smoke-testing " + target.name() + " on the " + network.engineName() + " network"
                + launch.describeCommand());
    }

    /** Where the probes go, why there, and how to change it. */
    void probing(ProbeHost host, int port) {
        log.info("Probing http://" + host.authority(port) + " (" + host.describe(hints) + ")");
    }

    /** The earlier pass stands, and how to run it anyway. */
    void skipped(SmokeTarget target, SmokeSettings settings) {
        log.info("Smoke test of " + target.name() + " skipped: image " + target.imageId()
                + " already passed it with the same settings ("
                + settings.outputDirectory().resolve(SmokeReport.FILE_NAME)
                + "); " + hints.set(Setting.FORCE_SMOKE, "true") + " runs it again");
    }

    /** The passed test as a table: readiness, each probe, the stop, the total and the report file. */
    void passed(SmokeReport r, Path file) {
        log.info("Smoke test of " + r.image() + " passed");
        log.info(String.format(
                Locale.ROOT,
                "  ready after %.1f s (%d tries)",
                r.ready().millis() / 1000.0,
                r.ready().attempts()));
        if (r.user() != null) {
            log.info("  runs as uid " + r.user().uid() + " (gid " + r.user().gid() + "), not root, as USER "
                    + r.user().configured() + " says");
        }
        int width = r.probes().stream().mapToInt(p -> p.path().length()).max().orElse(0);
        for (ProbeResult p : r.probes()) {
            log.info(String.format(
                    Locale.ROOT, "  GET %-" + width + "s  %d  %4d ms  ok", p.path(), p.status(), p.latencyMillis()));
        }
        if (r.health() != null) {
            log.info(String.format(
                    Locale.ROOT,
                    "  healthy after %.1f s (%d check%s of the image's HEALTHCHECK, every %.1f s for the smoke test)",
                    r.health().millis() / 1000.0,
                    r.health().checks(),
                    r.health().checks() == 1 ? "" : "s",
                    HealthWait.SMOKE_INTERVAL.toMillis() / 1000.0));
        }
        if (r.stop() != null) {
            log.info(String.format(
                    Locale.ROOT,
                    "  stopped in %.1f s, exit %s (%s)",
                    r.stop().millis() / 1000.0,
                    r.stop().exitCode(),
                    r.stop().graceful() ? "graceful" : r.stop().killed() ? "killed" : "not graceful"));
        } else {
            log.info("  not stopped gracefully: removed at once, as " + hints.set(Setting.GRACEFUL_STOP, "off")
                    + " says");
        }
        log.info(String.format(Locale.ROOT, "  total %.1f s, report %s", r.totalMillis() / 1000.0, file));
    }
}
