package io.github.fastapidocker.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fastapidocker.kernel.BuildLog;
import io.github.fastapidocker.kernel.RecordingLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildOutputTest {
    private final RecordingLog log = new RecordingLog();

    @Test
    void chunksSplitAnywhereBecomeWholeLines() {
        BuildOutput out = new BuildOutput(log);
        out.accept("Step 1/3 : FR");
        out.accept(
                "OM python\n ---> abc\nStep 2/3 : COPY ./requirements.txt   /code/requirements.txt\n ---> Using cache\n");
        out.accept(" ---> def\n\nStep 3/3 : RUN pip install\n ---> Running in 123\nCollecting fastapi");
        out.finish();
        assertEquals(
                List.of(
                        "Step 1/3 : FROM python",
                        " ---> abc",
                        "Step 2/3 : COPY ./requirements.txt   /code/requirements.txt",
                        " ---> Using cache",
                        " ---> def",
                        "Step 3/3 : RUN pip install",
                        " ---> Running in 123",
                        "Collecting fastapi"),
                log.infos());
        assertEquals(
                List.of("FROM python", "COPY ./requirements.txt /code/requirements.txt", "RUN pip install"),
                out.steps());
        assertEquals(List.of("COPY ./requirements.txt /code/requirements.txt"), out.cachedSteps());
        assertEquals("Step 3/3 : RUN pip install", out.currentStep());
    }

    @Test
    void tailKeepsTheLastThirtyLines() {
        BuildOutput out = new BuildOutput(BuildLog.SILENT);
        for (int i = 0; i < 100; i++) {
            out.accept("line " + i + "\n");
        }
        String[] tail = out.tail().split("\n");
        assertEquals(30, tail.length);
        assertEquals("line 70", tail[0]);
        assertEquals("line 99", tail[29]);
    }

    /** The {@code stream} texts of a recorded build answer (src/test/resources/engine), chunk by chunk. */
    static List<String> recordedStream(String recording) throws java.io.IOException {
        String answer;
        try (var in = BuildOutputTest.class.getResourceAsStream("/engine/" + recording + ".http")) {
            answer = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> chunks = new java.util.ArrayList<>();
        for (String message : answer.substring(answer.indexOf("\n\n") + 2).split("\n")) {
            if (!message.isBlank() && json.readTree(message).has("stream")) {
                chunks.add(json.readTree(message).get("stream").asText());
            }
        }
        return chunks;
    }

    private BuildOutput replay(String recording) throws java.io.IOException {
        BuildOutput out = new BuildOutput(log);
        recordedStream(recording).forEach(out::accept);
        out.finish();
        return out;
    }

    @Test
    void dockersStepsAndCacheHitsAsRecorded() throws java.io.IOException {
        BuildOutput first = replay("build-ok");
        assertEquals(5, first.steps().size());
        assertEquals(List.of(), first.cachedSteps());
        BuildOutput again = replay("build-cached");
        assertEquals(
                List.of(
                        "FROM fastapi-docker-test/python:3.13",
                        "LABEL fastapi-rec=fastapi-rec-28912",
                        "RUN echo built-by-the-recorder",
                        "CMD [\"sh\"]",
                        "LABEL fastapi-rec=fastapi-rec-28912"),
                again.steps());
        assertEquals(4, again.cachedSteps().size(), "every step after FROM came from the cache");
    }

    /** Podman 4.3.1 (Buildah) prints {@code STEP 1/5: ...} and {@code --> Using cache <id>}: recorded. */
    @Test
    void podmansStepsAndCacheHitsAsRecorded() throws java.io.IOException {
        BuildOutput first = replay("podman-4.3.1/build-ok");
        assertEquals(
                List.of(
                        "FROM fastapi-docker-test/python:3.13",
                        "LABEL fastapi-rec=fastapi-rec-31845",
                        "RUN echo built-by-the-recorder",
                        "CMD [\"sh\"]",
                        "LABEL \"fastapi-rec\"=\"fastapi-rec-31845\""),
                first.steps());
        assertEquals(List.of(), first.cachedSteps());
        assertEquals("STEP 5/5: LABEL \"fastapi-rec\"=\"fastapi-rec-31845\"", first.currentStep());

        BuildOutput again = replay("podman-4.3.1/build-cached");
        assertEquals(5, again.steps().size());
        assertEquals(
                List.of(
                        "LABEL fastapi-rec=fastapi-rec-31845",
                        "RUN echo built-by-the-recorder",
                        "CMD [\"sh\"]",
                        "LABEL \"fastapi-rec\"=\"fastapi-rec-31845\""),
                again.cachedSteps());
    }

    /** A multi-stage build on Podman numbers the stages too (seen on Podman 4.3.1). */
    @Test
    void podmansMultiStageSteps() {
        BuildOutput out = new BuildOutput(BuildLog.SILENT);
        out.accept("[1/2] STEP 1/2: FROM base AS builder\n[1/2] STEP 2/2: RUN echo a > /a\n");
        out.accept("--> Using cache 697ee79cff25bf6b82ef0db4dd0363b5743a1a310f9544b3bbe468f9802ec1e5\n");
        out.accept("[2/2] STEP 1/3: FROM base\n[2/2] STEP 2/3: COPY --from=builder /a /a\n--> aebb3eb3132\n");
        out.accept("[2/2] STEP 3/3: CMD [\"sh\"]\n[2/2] COMMIT x\n");
        out.finish();
        assertEquals(
                List.of(
                        "FROM base AS builder",
                        "RUN echo a > /a",
                        "FROM base",
                        "COPY --from=builder /a /a",
                        "CMD [\"sh\"]"),
                out.steps());
        assertEquals(List.of("RUN echo a > /a"), out.cachedSteps());
    }
}
