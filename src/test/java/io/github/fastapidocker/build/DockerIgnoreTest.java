package io.github.fastapidocker.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cases of Docker's own documentation and of moby's patternmatcher tests. */
class DockerIgnoreTest {
    private static DockerIgnore of(String... lines) {
        return DockerIgnore.parse(List.of(lines));
    }

    @Test
    void theDocumentationsExamples() {
        DockerIgnore ignore = of("# comment", "*/temp*", "*/*/temp*", "temp?");
        assertTrue(ignore.excludes("somedir/temporary.txt"));
        assertTrue(ignore.excludes("somedir/temp"));
        assertFalse(ignore.excludes("temporary.txt"), "*/temp* is one level down only");
        assertTrue(ignore.excludes("somedir/subdir/temporary.txt"));
        assertTrue(ignore.excludes("tempa"));
        assertFalse(ignore.excludes("tempab"));
        assertFalse(ignore.excludes("# comment"));
    }

    @Test
    void doubleStarCrossesDirectories() {
        DockerIgnore ignore = of("**/*.go", "a/**/z");
        assertTrue(ignore.excludes("main.go"));
        assertTrue(ignore.excludes("x/y/main.go"));
        assertFalse(ignore.excludes("x/y/main.py"));
        assertTrue(ignore.excludes("a/z"));
        assertTrue(ignore.excludes("a/b/c/z"));
        assertTrue(of("**").excludes("anything/at/all"));
    }

    @Test
    void exceptionsAndTheLastMatchWins() {
        DockerIgnore ignore = of("*.md", "!README*.md", "README-secret.md");
        assertTrue(ignore.excludes("CHANGES.md"));
        assertFalse(ignore.excludes("README.md"));
        assertFalse(ignore.excludes("README-public.md"));
        assertTrue(ignore.excludes("README-secret.md"));
    }

    @Test
    void aDirectoryPatternLeavesOutWhatIsInIt_andAnExceptionCanBringAFileBack() {
        DockerIgnore ignore = of("secrets", "!secrets/public.pem");
        assertTrue(ignore.excludes("secrets"));
        assertTrue(ignore.excludes("secrets/key.pem"));
        assertTrue(ignore.excludes("secrets/deep/key.pem"));
        assertFalse(ignore.excludes("secrets/public.pem"));
        assertFalse(ignore.excludes("app/secrets.py"));
    }

    @Test
    void aLeadingSlashAndDotSegmentsMeanTheSame() {
        DockerIgnore ignore = of("/.env", "./build/", "  spaced  ");
        assertTrue(ignore.excludes(".env"));
        assertFalse(ignore.excludes("app/.env"), ".env matches at the root only");
        assertTrue(of("**/.env").excludes("app/.env"));
        assertTrue(ignore.excludes("build/x.txt"));
        assertTrue(ignore.excludes("spaced"));
    }

    @Test
    void starStaysInOneSegmentAndSpecialCharactersAreLiteral() {
        assertFalse(of("*").excludes("a/b") && !of("*").excludes("a"), "* matches a, so a/b goes with it");
        assertTrue(of("a+b(c).txt").excludes("a+b(c).txt"));
        assertFalse(of("a+b.txt").excludes("aab.txt"));
        assertTrue(of("file[0-9].txt").excludes("file7.txt"));
        assertFalse(of("file[0-9].txt").excludes("filex.txt"));
        assertTrue(of("file\\*.txt").excludes("file*.txt"));
        assertFalse(of("file\\*.txt").excludes("fileX.txt"));
    }

    @Test
    void cleanIsGosFilepathClean() {
        assertEquals("a/b", DockerIgnore.clean("./a//b/"));
        assertEquals("b", DockerIgnore.clean("a/../b"));
        assertEquals("/a", DockerIgnore.clean("/../a"));
        assertEquals(".", DockerIgnore.clean(""));
    }

    @Test
    void aPatternDockerRefusesIsAnErrorNamingItsLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(".dockerignore");
        for (String bad : List.of("app/[", "[z-a]")) {
            Files.writeString(file, "# secrets\n" + bad + "\n");
            String message = assertThrows(
                            io.github.fastapidocker.kernel.ConfigurationException.class, () -> DockerIgnore.read(file))
                    .getMessage();
            assertTrue(message.startsWith(file + " line 2: '" + bad + "' "), message);
            assertTrue(
                    message.endsWith(
                            ": fix the pattern (Docker fails the build on a pattern it cannot read; write \\[ for a [ itself)"),
                    message);
        }
        assertTrue(of("a\\[b").excludes("a[b"), "an escaped [ is the character");
    }
}
