package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Containers an earlier, killed build left behind. */
class LeftoversTest extends SmokeFixture {
    @Test
    void leftoversOfAnEarlierKilledBuildOfThisProjectAreRemovedFirst() {
        recordBuild(GUIDE_CMD, 80);
        String directory = Path.of("/src/hello").toAbsolutePath().toString();
        engine.leftovers.put(
                "leftover1",
                Map.of(
                        SmokeLabels.SMOKE,
                        "true",
                        SmokeLabels.PROJECT,
                        "io.example:hello",
                        SmokeLabels.DIRECTORY,
                        directory,
                        SmokeLabels.RUN,
                        "x"));
        engine.leftovers.put(
                "same-project-other-checkout",
                Map.of(
                        SmokeLabels.SMOKE,
                        "true",
                        SmokeLabels.PROJECT,
                        "io.example:hello",
                        SmokeLabels.DIRECTORY,
                        "/elsewhere/hello"));
        engine.leftovers.put(
                "other-project",
                Map.of(
                        SmokeLabels.SMOKE,
                        "true",
                        SmokeLabels.PROJECT,
                        "io.example:other",
                        SmokeLabels.DIRECTORY,
                        directory));

        runner().run(settings(SmokeNetwork.HOST, List.of(DOCS)));

        assertEquals("leftover1", engine.removed.get(0));
        assertEquals(Set.of("same-project-other-checkout", "other-project"), engine.leftovers.keySet());
        assertTrue(
                log.contains("WARN Removed container leftover1 that an earlier smoke test of io.example:hello"
                        + " left behind (was that build killed?)"),
                String.join("\n", log));
    }
}
