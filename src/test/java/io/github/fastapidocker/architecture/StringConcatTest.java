package io.github.fastapidocker.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plugin's classes concatenate strings with StringBuilder calls ({@code -XDstringConcat=inline}
 * in the POM), not through {@code StringConcatFactory}: each distinct concatenation would spin
 * method handles on its first use in the fresh JVM of every build (bench/results.md).
 */
class StringConcatTest {
    private static final Path CLASSES = Path.of("target/classes/io/github/fastapidocker");
    private static final String BOOTSTRAP = "makeConcatWithConstants";

    @Test
    void noClassBootstrapsItsStringConcatenation() throws IOException {
        List<String> found = new ArrayList<>();
        int classes = 0;
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                classes++;
                // Latin-1 maps each byte to one char: the constant pool's name is found as it is.
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(BOOTSTRAP)) {
                    found.add(CLASSES.relativize(file).toString());
                }
            }
        }
        assertTrue(classes > 100, "the plugin's classes must be compiled first: " + classes);
        assertEquals(List.of(), found, "compiled with invokedynamic string concatenation");
    }
}
