package io.github.fastapidocker.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A class that does one job stays short: no main source file over 250 lines unless it says at its
 * top why ({@code Longer than 250 lines because ...} in its first 40 lines).
 */
class ClassSizeTest {
    static final int LIMIT = 250;
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void noLongClassWithoutItsReason() throws IOException {
        List<String> long_ = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                boolean reason =
                        lines.stream().limit(40).anyMatch(l -> l.contains("Longer than " + LIMIT + " lines because"));
                if (lines.size() > LIMIT && !reason) {
                    long_.add(SOURCES.relativize(file) + " (" + lines.size() + " lines)");
                }
            }
        }
        assertEquals(List.of(), long_, "split these, or say at the top why they are long");
    }
}
