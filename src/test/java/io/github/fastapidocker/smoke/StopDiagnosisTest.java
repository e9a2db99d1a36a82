package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fastapidocker.maven.MavenHints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Why a stop was not graceful, and what the build does about it. */
class StopDiagnosisTest extends SmokeFixture {
    @Test
    void shellFormCmdKilledAfterTheGracePeriodFailsExplainingExecForm() throws Exception {
        recordBuild(List.of(), 8080);
        answers.put("/docs", new HttpProber.Answer(200, "Swagger UI"));
        Path dockerfile = dir.resolve("Dockerfile");
        Files.writeString(dockerfile, "FROM python:3.14\nCMD fastapi run app/main.py --port 8080\n");
        engine.stopExitCode = 137;

        SmokeFailedException e = assertThrows(SmokeFailedException.class, () -> runner().run(
                        settings(SmokeNetwork.HOST, List.of(DOCS), GracefulStop.FAIL, dockerfile)));
        String m = e.getMessage();
        assertTrue(m.startsWith("The server did not stop within 10 s of SIGTERM and was killed (exit 137"), m);
        assertTrue(m.contains(dockerfile + " has CMD in shell form (CMD fastapi run app/main.py --port 8080)"), m);
        assertTrue(m.contains("/bin/sh becomes process 1 and does not pass SIGTERM on"), m);
        assertTrue(m.contains("CMD [\"fastapi\", \"run\", \"app/main.py\", \"--port\", \"8080\"]"), m);
        assertTrue(m.contains("<gracefulStop>warn</gracefulStop>"), m);
        assertTrue(engine.containers.isEmpty());

        JsonNode json = new ObjectMapper().readTree(dir.resolve("smoke.json").toFile());
        assertTrue(json.get("stop").get("killed").asBoolean());
        assertEquals(137, json.get("stop").get("exitCode").asInt());
    }

    @Test
    void killedGeneratedImageBlamesTheAppsShutdownNotTheCmd() {
        recordBuild(GUIDE_CMD, 80);
        engine.stopExitCode = 137;
        SmokeFailedException e = assertThrows(
                SmokeFailedException.class, () -> runner().run(settings(SmokeNetwork.HOST, List.of(DOCS))));
        assertTrue(
                e.getMessage().contains("The generated CMD is in exec form, so the server received SIGTERM"),
                e.getMessage());
    }

    @Test
    void nonZeroExitAfterSigtermFails() {
        recordBuild(GUIDE_CMD, 80);
        engine.stopExitCode = 3;
        SmokeFailedException e = assertThrows(
                SmokeFailedException.class, () -> runner().run(settings(SmokeNetwork.HOST, List.of(DOCS))));
        assertTrue(e.getMessage().startsWith("The server exited with code 3 after SIGTERM"), e.getMessage());
    }

    @Test
    void gracefulStopWarnOnlyWarns() {
        recordBuild(GUIDE_CMD, 80);
        engine.stopExitCode = 137;
        SmokeReport report = runner().run(settings(SmokeNetwork.HOST, List.of(DOCS), GracefulStop.WARN, null));
        assertTrue(report.passed());
        assertTrue(
                log.stream().anyMatch(l -> l.startsWith("WARN The server did not stop within 10 s")),
                String.join("\n", log));
        assertTrue(engine.containers.isEmpty());
    }

    @Test
    void theAdviceNamesTheSettingsToChange() {
        StopDiagnosis diagnosis = new StopDiagnosis(MavenHints.INSTANCE);
        SmokeTarget generated = new SmokeTarget("hello:1.0", "sha256:built", "sha256:built", GUIDE_CMD, 80);
        SmokeTarget own = new SmokeTarget("hello:1.0", "sha256:built", "sha256:built", null, 80);
        SmokeSettings settings = settings(SmokeNetwork.HOST, List.of());
        SmokeReport.StopResult killed = new SmokeReport.StopResult(10_200, 137, 10);

        assertNull(diagnosis.problem(new SmokeReport.StopResult(500, 0, 10), generated, settings));
        String m = diagnosis.problem(killed, generated, settings);
        assertTrue(
                m.contains("took longer than the grace period of 10 s. Raise <stopTimeout>"
                        + " (fastapi.smoke.stopTimeout) if it needs longer."),
                m);
        assertTrue(m.endsWith(" <gracefulStop>warn</gracefulStop> (-Dfastapi.smoke.gracefulStop=warn) only warns."), m);
        m = diagnosis.problem(killed, own, settings);
        assertTrue(m.contains("The usual cause is a CMD or ENTRYPOINT in shell form"), m);
        assertTrue(m.contains("takes longer than <stopTimeout> (fastapi.smoke.stopTimeout)."), m);
        assertEquals("[\"fastapi\", \"run\", \"app/main.py\"]", StopDiagnosis.execFormOf(" fastapi  run app/main.py "));
    }
}
