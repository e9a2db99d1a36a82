package io.github.fastapidocker.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fastapidocker.docker.DockerEngine.ImageInfo;
import io.github.fastapidocker.docker.FakeEngine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which repo digest stands for a base image, and which base images a Dockerfile has. */
class BaseImageTest {

    @Test
    void theDigestOfTheNamedRepository() {
        List<String> digests = List.of("registry.example.com/mirror/python@sha256:m", "python@sha256:hub");
        assertEquals(Optional.of("python@sha256:hub"), BaseImage.repoDigest("python:3.14", digests));
        assertEquals(
                Optional.of("registry.example.com/mirror/python@sha256:m"),
                BaseImage.repoDigest("registry.example.com/mirror/python:3.14", digests));
        assertEquals(
                Optional.of("docker.io/library/python@sha256:hub"),
                BaseImage.repoDigest("python", List.of("docker.io/library/python@sha256:hub")));
        assertEquals(
                Optional.of("127.0.0.1:5555/base@sha256:x"),
                BaseImage.repoDigest("127.0.0.1:5555/base", List.of("127.0.0.1:5555/base@sha256:x")));
    }

    @Test
    void oneDigestIsTheOneAndNoneIsNone() {
        assertEquals(Optional.of("other@sha256:o"), BaseImage.repoDigest("python:3.14", List.of("other@sha256:o")));
        assertEquals(Optional.empty(), BaseImage.repoDigest("python:3.14", List.of()));
        assertEquals(Optional.empty(), BaseImage.repoDigest("python:3.14", List.of("a@sha256:1", "b@sha256:2")));
        assertEquals(Optional.of("python@sha256:pinned"), BaseImage.repoDigest("python@sha256:pinned", List.of()));
    }

    @Test
    void theRepositoryOfAName() {
        assertEquals("python", BaseImage.repository("python:3.14"));
        assertEquals("127.0.0.1:5555/team/base", BaseImage.repository("127.0.0.1:5555/team/base:1"));
        assertEquals("127.0.0.1:5555/team/base", BaseImage.repository("127.0.0.1:5555/team/base"));
    }

    @Test
    void everyStageBaseOnceButNotAStageNorABuildArgument() {
        FakeEngine engine = new FakeEngine();
        engine.images.put("python:3.14", new ImageInfo("sha256:py", List.of(), 1, List.of()));
        engine.images.put("busybox", new ImageInfo("sha256:bb", List.of(), 1, List.of()));
        String dockerfile = "FROM python:3.14 AS builder\nRUN x\nFROM busybox\nFROM builder\nFROM $BASE\n"
                + "FROM python:3.14\nFROM missing:1\n";
        assertEquals(
                List.of(new BaseImage("python:3.14", null, "sha256:py"), new BaseImage("busybox", null, "sha256:bb")),
                BaseImage.of(engine, dockerfile));
    }
}
