package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The INFO lines name the settings that change what they report. */
class SmokeSummaryTest extends SmokeFixture {
    @Test
    void aSkippedRunSaysHowToForceIt() {
        recordBuild(GUIDE_CMD, 80);
        runner().runUnlessPassed(settings(SmokeNetwork.HOST, List.of(DOCS)));
        runner().runUnlessPassed(settings(SmokeNetwork.HOST, List.of(DOCS)));
        assertTrue(
                log.stream()
                        .anyMatch(l -> l.startsWith("INFO Smoke test of hello:1.0 skipped: image sha256:built")
                                && l.endsWith("; <forceSmoke>true</forceSmoke> (-Dfastapi.smoke.force=true)"
                                        + " runs it again")),
                String.join("\n", log));
    }

    @Test
    void noGracefulStopSaysWhichSettingTurnedItOff() {
        recordBuild(GUIDE_CMD, 80);
        runner().run(settings(SmokeNetwork.HOST, List.of(DOCS), GracefulStop.OFF, null));
        assertTrue(
                log.contains("INFO   not stopped gracefully: removed at once, as"
                        + " <gracefulStop>off</gracefulStop> (-Dfastapi.smoke.gracefulStop=off) says"),
                String.join("\n", log));
        assertTrue(
                log.contains("INFO Smoke-testing hello:1.0 on the host network"
                        + " (fastapi run app/main.py --port 41234 --host 127.0.0.1)"),
                String.join("\n", log));
        assertTrue(
                log.contains("INFO Probing http://127.0.0.1:41234 (the engine is on a local socket; override with"
                        + " <smokeHost> (fastapi.smoke.host))"),
                String.join("\n", log));
    }
}
