package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Containers an earlier, killed build left behind, and those of builds still running. */
class LeftoversTest extends SmokeFixture {
    private static final String DIRECTORY =
            Path.of("/src/hello").toAbsolutePath().toString();

    @Test
    void containersOfAnOlderPluginWithoutOwnerAreRemovedWhenOfThisProjectAndDirectory() {
        recordBuild(GUIDE_CMD, 80);
        engine.leftovers.put("leftover1", labels("io.example:hello", DIRECTORY));
        engine.leftovers.put("same-project-other-checkout", labels("io.example:hello", "/elsewhere/hello"));
        engine.leftovers.put("other-project", labels("io.example:other", DIRECTORY));

        runner().run(settings(SmokeNetwork.HOST, List.of(DOCS)));

        assertEquals("leftover1", engine.removed.get(0));
        assertEquals(Set.of("same-project-other-checkout", "other-project"), engine.leftovers.keySet());
        assertTrue(
                log.contains("WARN Removed container leftover1 that an earlier smoke test of io.example:hello"
                        + " left behind (was that build killed?)"),
                String.join("\n", log));
    }

    @Test
    void aContainerOfALiveBuildIsLeftAloneEvenInTheSameDirectory() {
        recordBuild(GUIDE_CMD, 80);
        SmokeOwner me = SmokeOwner.current();
        engine.leftovers.put("running-build", owned("io.example:hello", DIRECTORY, me));

        runner().run(settings(SmokeNetwork.HOST, List.of(DOCS)));

        assertEquals(Set.of("running-build"), engine.leftovers.keySet());
        assertFalse(engine.removed.contains("running-build"));
        assertTrue(log.stream().noneMatch(l -> l.startsWith("WARN Removed")), String.join("\n", log));
    }

    @Test
    void containersWhoseBuildIsGoneAreRemovedWhateverTheirProjectOnThisHostOnly() throws Exception {
        recordBuild(GUIDE_CMD, 80);
        SmokeOwner me = SmokeOwner.current();
        long deadPid = exitedProcess();
        engine.leftovers.put(
                "dead-owner", owned("io.example:other", "/elsewhere/other", new SmokeOwner(deadPid, 1L, me.host())));
        engine.leftovers.put(
                "reused-pid",
                owned(
                        "io.example:third",
                        "/elsewhere/third",
                        new SmokeOwner(me.pid(), me.startedMillis() - 60_000, me.host())));
        engine.leftovers.put(
                "other-host", owned("io.example:other", "/elsewhere/other", new SmokeOwner(deadPid, 1L, "ci-7")));
        engine.leftovers.put("live-other-project", owned("io.example:other", "/elsewhere/other", me));

        runner().run(settings(SmokeNetwork.HOST, List.of(DOCS)));

        assertTrue(engine.removed.containsAll(List.of("dead-owner", "reused-pid")), engine.removed.toString());
        assertEquals(Set.of("other-host", "live-other-project"), engine.leftovers.keySet());
        assertTrue(
                log.contains("WARN Removed container dead-owner that an earlier smoke test of io.example:other"
                        + " left behind (its build, process " + deadPid + ", is gone: was it killed?)"),
                String.join("\n", log));
    }

    @Test
    void theContainerRecordsItsOwner() {
        recordBuild(GUIDE_CMD, 80);
        runner().run(settings(SmokeNetwork.HOST, List.of(DOCS)));

        Map<String, String> labels = engine.created.get(0).labels();
        SmokeOwner me = SmokeOwner.current();
        assertEquals(Long.toString(ProcessHandle.current().pid()), labels.get(SmokeOwner.PID));
        assertEquals(Long.toString(me.startedMillis()), labels.get(SmokeOwner.STARTED));
        assertEquals(me.host(), labels.get(SmokeOwner.HOST));
        assertEquals(me, SmokeOwner.of(labels).orElseThrow());
        assertFalse(me.gone(), "this JVM is alive");
    }

    /** The pid of a process that has exited. */
    private static long exitedProcess() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "exited");
        return pid;
    }

    private static Map<String, String> labels(String project, String directory) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(SmokeLabels.SMOKE, "true");
        labels.put(SmokeLabels.PROJECT, project);
        labels.put(SmokeLabels.DIRECTORY, directory);
        return labels;
    }

    private static Map<String, String> owned(String project, String directory, SmokeOwner owner) {
        Map<String, String> labels = labels(project, directory);
        labels.putAll(owner.labels());
        return labels;
    }
}
