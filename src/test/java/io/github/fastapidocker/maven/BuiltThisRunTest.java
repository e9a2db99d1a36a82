package io.github.fastapidocker.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** What the build goal tells the later goals of the same run, and when they may trust it. */
class BuiltThisRunTest {
    @Test
    void aLaterGoalNamingTheEngineAsTheBuildDidGetsWhatItFound() {
        MavenProject project = new MavenProject();
        assertTrue(BuiltThisRun.recall(project, null).isEmpty(), "no build in this run");

        new BuiltThisRun("sha256:abc", "unix:///var/run/docker.sock", null).remember(project);
        assertEquals(
                Optional.of(new BuiltThisRun("sha256:abc", "unix:///var/run/docker.sock", null)),
                BuiltThisRun.recall(project, null));
        assertTrue(
                BuiltThisRun.recall(project, "tcp://127.0.0.5:2375").isEmpty(),
                "a goal that names another engine must ask that one");

        new BuiltThisRun("sha256:def", "tcp://127.0.0.5:2375", "tcp://127.0.0.5:2375").remember(project);
        assertEquals(
                "sha256:def",
                BuiltThisRun.recall(project, "tcp://127.0.0.5:2375")
                        .orElseThrow()
                        .imageId());
        assertTrue(BuiltThisRun.recall(project, null).isEmpty(), "the last build named its engine");

        project.setContextValue(BuiltThisRun.KEY, new Object());
        assertTrue(BuiltThisRun.recall(project, null).isEmpty(), "something else under the key is ignored");
    }
}
