package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code smoke.json} says what the last run found, never what an earlier one did. */
class SmokeReportFileTest extends SmokeFixture {
    /** What interrupts a build so that no failure report is written (the JVM killed, an Error). */
    private static final class Interrupted extends Error {
        Interrupted() {
            super("killed");
        }
    }

    @Test
    void anInterruptedRunLeavesNoEarlierPassStanding() throws Exception {
        recordBuild(GUIDE_CMD, 80);
        Path report = runner().run(settings(SmokeNetwork.HOST, List.of(DOCS))).write(dir);
        assertTrue(Files.readString(report).contains("\"passed\" : true"));

        List<Boolean> existedMidRun = new ArrayList<>();
        engine.onStart = c -> {
            existedMidRun.add(Files.exists(report));
            throw new Interrupted();
        };
        assertThrows(Interrupted.class, () -> runner().run(settings(SmokeNetwork.HOST, List.of(DOCS))));

        assertEquals(List.of(false), existedMidRun, "the earlier report is gone once the run starts");
        assertFalse(Files.exists(report), "no report of the interrupted run, and not the earlier pass");
        assertTrue(engine.containers.isEmpty(), "the container is removed all the same");
    }

    @Test
    void theReportIsReplacedWholeAndNoTemporaryFileStays() throws IOException {
        recordBuild(GUIDE_CMD, 80);
        runner().run(settings(SmokeNetwork.HOST, List.of(DOCS)));
        runner().run(settings(SmokeNetwork.HOST, List.of(DOCS)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of(),
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".tmp"))
                            .toList());
        }
        assertTrue(Files.readString(dir.resolve(SmokeReport.FILE_NAME)).contains("\"passed\" : true"));
    }
}
