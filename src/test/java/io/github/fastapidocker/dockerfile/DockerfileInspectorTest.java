package io.github.fastapidocker.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DockerfileInspectorTest {

    @Test
    void execFormCmdHasNoWarning() {
        assertTrue(DockerfileInspector.shellFormWarning("FROM x\nCMD [\"fastapi\", \"run\"]\n", "Dockerfile")
                .isEmpty());
    }

    @Test
    void shellFormCmdIsExplained() {
        String warning = DockerfileInspector.shellFormWarning(
                        "FROM x\n# CMD [\"ok\"]\ncmd fastapi run app/main.py\n", "/p/Dockerfile")
                .orElseThrow();
        assertTrue(warning.startsWith("/p/Dockerfile: CMD is in shell form (CMD fastapi run app/main.py)"), warning);
        assertTrue(warning.contains("does not pass SIGTERM on"), warning);
        assertTrue(warning.contains("exec form"), warning);
    }

    @Test
    void entrypointDecidesWhenPresent() {
        assertTrue(DockerfileInspector.shellFormWarning("FROM x\nENTRYPOINT [\"uvicorn\"]\nCMD --port 80\n", "D")
                .isEmpty());
        assertEquals(
                "ENTRYPOINT",
                DockerfileInspector.startInstruction("FROM x\nENTRYPOINT uvicorn app:app\n")
                        .orElseThrow()
                        .keyword());
    }

    @Test
    void onlyTheLastStageCountsAndContinuationsJoin() {
        String multiStage = "FROM a AS build\nCMD echo build\nFROM b\nCMD [\"fastapi\", \\\n  \"run\"]\n";
        assertTrue(DockerfileInspector.shellFormWarning(multiStage, "D").isEmpty());
        String args =
                DockerfileInspector.startInstruction(multiStage).orElseThrow().arguments();
        assertTrue(args.startsWith("[\"fastapi\",") && args.endsWith("\"run\"]"), args);
    }

    @Test
    void baseImagesLeaveOutStagesAndScratch() {
        String dockerfile = "ARG V=3\nFROM --platform=linux/amd64 python:3.14 AS build\nRUN x\nFROM build AS test\n"
                + "FROM scratch\nfrom 127.0.0.1:5555/base:1\nFROM python:${V}\n";
        assertEquals(
                java.util.List.of("python:3.14", "127.0.0.1:5555/base:1", "python:${V}"),
                DockerfileInspector.baseImages(dockerfile));
    }

    @Test
    void noStartInstruction() {
        assertTrue(DockerfileInspector.startInstruction("FROM python:3.14\n").isEmpty());
    }

    @Test
    void aHealthcheckCountsInTheLastStageOnlyAndNoneIsNone() {
        assertTrue(DockerfileInspector.declaresHealthcheck("FROM a\nHEALTHCHECK --interval=5s \\\n  CMD [\"true\"]\n"));
        assertFalse(DockerfileInspector.declaresHealthcheck("FROM a\nHEALTHCHECK NONE\n"));
        assertFalse(DockerfileInspector.declaresHealthcheck("FROM a AS b\nHEALTHCHECK CMD true\nFROM c\nCMD x\n"));
        assertTrue(DockerfileInspector.declaresHealthcheck("FROM a AS b\nFROM c\nhealthcheck CMD true\n"));
        assertFalse(DockerfileInspector.declaresHealthcheck("FROM a\n# HEALTHCHECK CMD true\n"));
    }
}
