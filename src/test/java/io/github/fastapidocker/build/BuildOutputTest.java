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
}
