package io.github.fastapidocker.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

    @ParameterizedTest
    @CsvSource({
        "hello-fastapi, docker.io, false",
        "team/hello_fastapi, docker.io, false",
        "a__b/c.d-e---f, docker.io, false",
        "localhost/app, localhost, true",
        "127.0.0.1:5555/team/app, 127.0.0.1:5555, true",
        "registry.example.com/app, registry.example.com, true",
        "registry.example.com:443/a/b/c, registry.example.com:443, true",
        "[::1]:5000/app, [::1]:5000, true",
    })
    void validNames(String name, String registry, boolean explicit) {
        ImageReference ref = ImageReference.parse(name, "image");
        assertEquals(registry, ref.registry());
        assertEquals(explicit, ref.hasExplicitRegistry());
        assertEquals(name, ref.name());
        assertEquals(name + ":1.0", ref.withTag("1.0"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Hello", "team/App", "-app", "app-", "a..b", "a/", "/a", "a//b", "a b", "a_-b", "bad_host:x/app"
            })
    void invalidNames(String name) {
        InvalidReferenceException e =
                assertThrows(InvalidReferenceException.class, () -> ImageReference.parse(name, "image"));
        // The callers name the setting: "<image> " + problem.
        assertTrue(e.getMessage().startsWith("image "), e.getMessage());
        assertTrue(e.getMessage().contains(name), e.getMessage());
        assertEquals(name, e.value());
        assertTrue(e.problem().contains(name), e.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"app:1.0", "127.0.0.1:5555/app:latest", "app@sha256:abc"})
    void tagsAndDigestsBelongInTags(String name) {
        InvalidReferenceException e =
                assertThrows(InvalidReferenceException.class, () -> ImageReference.parse(name, "image"));
        assertTrue(e.getMessage().contains("without tag or digest"));
        assertEquals(InvalidReferenceException.Kind.TAG_OR_DIGEST, e.kind());
        assertEquals(name, e.value());
    }

    @org.junit.jupiter.api.Test
    void noBuildToolWordsInTheMessages() {
        for (String bad : new String[] {"", "app:1.0", "Hello", "bad_host:x/app", "a".repeat(256)}) {
            String message = assertThrows(InvalidReferenceException.class, () -> ImageReference.parse(bad, "image"))
                    .getMessage();
            assertFalse(message.contains("<") || message.contains("fastapi."), message);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.0",
                "latest",
                "1.0.0-SNAPSHOT",
                "_x",
                "A_b.c-d",
                "x234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678"
            })
    void validTags(String tag) {
        assertEquals(tag, ImageReference.validateTag(tag, "tags"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-x", ".x", "a:b", "a/b", "a b", "a+b"})
    void invalidTags(String tag) {
        InvalidReferenceException e =
                assertThrows(InvalidReferenceException.class, () -> ImageReference.validateTag(tag, "tags"));
        // What the callers show is "<tags> " + the problem: today's message, unchanged.
        assertEquals(
                "<tags> has an invalid tag '" + tag
                        + "' (letters, digits, _ . - ; must not start with . or -; at most 128 characters)",
                "<tags> " + e.problem());
        assertEquals("tags " + e.problem(), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void emptyAndTooLong() {
        assertThrows(InvalidReferenceException.class, () -> ImageReference.parse("", "image"));
        assertThrows(InvalidReferenceException.class, () -> ImageReference.parse(null, "image"));
        assertThrows(InvalidReferenceException.class, () -> ImageReference.parse("a".repeat(256), "image"));
        assertFalse(ImageReference.parse("a".repeat(255), "image").hasExplicitRegistry());
        assertEquals("x".repeat(128), ImageReference.validateTag("x".repeat(128), "tags"));
        assertThrows(InvalidReferenceException.class, () -> ImageReference.validateTag("x".repeat(129), "tags"));
    }

    /** What we ask for, and how Docker 20.10 / 29 and Podman 4.3 list the same image (measured). */
    @ParameterizedTest
    @CsvSource({
        "hello:1.0, hello:1.0",
        "hello:1.0, docker.io/library/hello:1.0",
        "hello:1.0, index.docker.io/library/hello:1.0",
        "hello:1.0, docker.io/hello:1.0",
        "hello:1.0, localhost/hello:1.0",
        "hello, hello:latest",
        "hello, docker.io/library/hello:latest",
        "team/app:2, docker.io/team/app:2",
        "team/app:2, localhost/team/app:2",
        "docker.io/team/app:2, team/app:2",
        "localhost/hello:1.0, hello:1.0",
        "127.0.0.1:5555/team/app:v1, 127.0.0.1:5555/team/app:v1",
        "hello@sha256:abc, docker.io/library/hello@sha256:abc",
        "hello, localhost/hello",
    })
    void theSameImageSpelledAsEnginesDo(String ours, String listed) {
        assertTrue(ImageReference.same(ours, listed), ours + " = " + listed);
        assertTrue(ImageReference.same(listed, ours), listed + " = " + ours);
    }

    @ParameterizedTest
    @CsvSource({
        "hello:1.0, hello:1.1",
        "hello:1.0, library/hello:1.1",
        "hello:1.0, other/hello:1.0",
        "hello:1.0, 127.0.0.1:5555/hello:1.0",
        "127.0.0.1:5555/hello:1.0, localhost/hello:1.0",
        "127.0.0.1:5555/hello:1.0, 127.0.0.1:5556/hello:1.0",
        // An explicit Hub name is not Podman's local one.
        "docker.io/library/hello:1.0, localhost/hello:1.0",
        "localhost:5000/hello:1.0, hello:1.0",
        "hello:1.0, <none>:<none>",
        "hello, hello@sha256:abc",
    })
    void differentImages(String a, String b) {
        assertFalse(ImageReference.same(a, b), a + " != " + b);
        assertFalse(ImageReference.same(b, a), b + " != " + a);
    }

    @org.junit.jupiter.api.Test
    void listedAmongTheEnginesNames() {
        java.util.List<String> podman = java.util.List.of("docker.io/team/app:1.0", "docker.io/team/app:latest");
        assertTrue(ImageReference.listed(podman, "team/app:latest"));
        assertFalse(ImageReference.listed(podman, "team/app:2.0"));
        assertFalse(ImageReference.listed(null, "team/app:1.0"));
        assertFalse(ImageReference.same(null, "team/app:1.0"));
    }
}
