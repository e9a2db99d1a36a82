package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fastapidocker.build.BaseImage;
import io.github.fastapidocker.build.BuildRecord;
import io.github.fastapidocker.docker.DockerEngine.ExecResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A non-root image: the smoke test reads the server's uid in the container and fails on root. */
class RunningUserTest extends SmokeFixture {
    static final String CAT = "cat /proc/1/status";
    static final String PYTHON = "python3 -c import sys; sys.stdout.write(open('/proc/1/status').read())";

    static String status(long uid, long gid) {
        return "Name:\tfastapi\nState:\tS (sleeping)\nPid:\t1\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid
                + "\nGid:\t" + gid + "\t" + gid + "\t" + gid + "\t" + gid + "\nGroups:\t" + gid + "\n";
    }

    private void nonRootImage(String user) {
        engine.withImage("sha256:built", "sha256:built", user, List.of());
        recordBuild(GUIDE_CMD, 80);
    }

    @Test
    void theEffectiveIdsAreReadFromProcStatus() {
        assertEquals(Optional.empty(), RunningUser.ids("Name:\tx\n").map(ids -> ids[0]));
        long[] ids = RunningUser.ids("Uid:\t10001\t10002\t10001\t10001\nGid:\t0\t5\t0\t0\n")
                .orElseThrow();
        assertEquals(10002, ids[0], "the effective uid, the second field");
        assertEquals(5, ids[1]);
    }

    @Test
    void aNonRootImageIsCheckedAndTheUidRecorded() throws Exception {
        nonRootImage("10001:10001");
        engine.execs.put(CAT, new ExecResult(0, status(10001, 10001)));
        SmokeReport report = runner().run(settings(SmokeNetwork.HOST, List.of(DOCS)));

        assertEquals(new RunningUser("10001:10001", 10001, 10001), report.user());
        assertEquals(List.of("create", "start", "exec " + CAT, "stop 10", "remove"), engine.calls);
        assertTrue(
                log.contains("INFO   runs as uid 10001 (gid 10001), not root, as USER 10001:10001 says"),
                log.toString());
        JsonNode user =
                new ObjectMapper().readTree(dir.resolve("smoke.json").toFile()).get("user");
        assertEquals("10001:10001", user.get("configured").asText());
        assertEquals(10001, user.get("uid").asLong());
        assertEquals(10001, user.get("gid").asLong());
    }

    @Test
    void anImageWithoutCatIsReadWithPython() {
        nonRootImage("10001");
        engine.execs.put(CAT, new ExecResult(126, "OCI runtime exec failed: exec: \"cat\": executable file not found"));
        engine.execs.put(PYTHON, new ExecResult(0, status(10001, 0)));
        SmokeReport report = runner().run(settings(SmokeNetwork.HOST, List.of(DOCS)));
        assertEquals(new RunningUser("10001", 10001, 0), report.user());
    }

    @Test
    void aServerRunningAsRootFailsEvenThoughTheImageSaysOtherwise() throws Exception {
        nonRootImage("10001");
        engine.execs.put(CAT, new ExecResult(0, status(0, 0)));
        SmokeFailedException e = assertThrows(
                SmokeFailedException.class, () -> runner().run(settings(SmokeNetwork.HOST, List.of(DOCS))));
        assertEquals(
                "The image says USER 10001, but the server process (process 1) runs as root (uid 0): something in"
                        + " the image starts it as root",
                e.getMessage());
        assertTrue(engine.containers.isEmpty(), "removed all the same");
        assertTrue(new ObjectMapper()
                .readTree(dir.resolve("smoke.json").toFile())
                .get("failure")
                .asText()
                .contains("runs as root"));
    }

    @Test
    void aUserThatCannotBeReadFailsNamingWhatWasTried() {
        nonRootImage("10001");
        SmokeFailedException e = assertThrows(
                SmokeFailedException.class, () -> runner().run(settings(SmokeNetwork.HOST, List.of(DOCS))));
        assertTrue(
                e.getMessage()
                        .startsWith("Could not read which user the server process runs as (the image says"
                                + " USER 10001): cat /proc/1/status exited 127: cat: not found; python3 -c "),
                e.getMessage());
    }

    @Test
    void rootImagesAreNotChecked() {
        for (String user : new String[] {"", "0", "root", "0:0", "root:root"}) {
            engine.calls.clear();
            nonRootImage(user);
            SmokeReport report = runner().run(settings(SmokeNetwork.HOST, List.of(DOCS)));
            assertEquals(null, report.user(), user);
            assertTrue(engine.calls.stream().noneMatch(c -> c.startsWith("exec")), user + ": " + engine.calls);
        }
    }

    @Test
    void theBaseImagesTheBuildRecordedAreInTheReport() throws Exception {
        new BuildRecord(
                        "sha256:built",
                        "hello",
                        List.of("1.0"),
                        GUIDE_CMD,
                        80,
                        io.github.fastapidocker.docker.EngineIdentity.UNKNOWN,
                        List.of(new BaseImage("python:3.14", "python@sha256:abc", "sha256:base")))
                .write(dir);
        runner().run(settings(SmokeNetwork.HOST, List.of(DOCS)));
        JsonNode bases =
                new ObjectMapper().readTree(dir.resolve("smoke.json").toFile()).get("baseImages");
        assertEquals(
                "[{\"name\":\"python:3.14\",\"digest\":\"python@sha256:abc\",\"id\":\"sha256:base\"}]",
                bases.toString());
    }
}
