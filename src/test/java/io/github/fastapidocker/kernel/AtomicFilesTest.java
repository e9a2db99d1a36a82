package io.github.fastapidocker.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written whole or not at all, beside their place. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void newFilesAreEmptyOwnerOnlyAndNeverTheSame() throws IOException {
        Set<Path> made = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Path file = AtomicFiles.newFile(dir, ".context-", ".tar");
            assertTrue(made.add(file), "a name given twice: " + file);
            assertEquals(0, Files.size(file));
            assertTrue(file.getFileName().toString().matches("\\.context-\\d+-\\d+-[0-9a-f]+\\.tar"), file.toString());
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }
        assertEquals(200, Files.list(dir).count());
    }

    @Test
    void aWriteReplacesTheFileWholeAndLeavesNothingBeside() throws IOException {
        Path file = dir.resolve("out/report.json");
        AtomicFiles.writeString(file, "one");
        AtomicFiles.writeString(file, "two");
        assertEquals("two", Files.readString(file));
        try (var left = Files.list(file.getParent())) {
            assertEquals(java.util.List.of(file), left.toList());
        }
    }
}
