package io.github.fastapidocker.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Maven's words live only in {@code maven/}: outside it no string literal names a POM element, a
 * {@code fastapi.*} property, a {@code -D} flag or an {@code mvn} command. The core gets them
 * through {@code Hints}, so renaming a parameter is one change, and a message cannot go stale.
 */
class MavenWordingTest {
    private static final Path SOURCES = Path.of("src/main/java/io/github/fastapidocker");

    /** A string literal (no escaped quotes inside, which none of ours has where it matters). */
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    /** A POM element, a property of ours, a -D flag, a Maven command. */
    static final Pattern MAVEN_WORDS = Pattern.compile("<[a-zA-Z]+>|\\bfastapi\\.[a-z]|-D[a-zA-Z]|\\bmvn\\b");

    /**
     * Literals that look like Maven words and are not: the docker credential-helper protocol names
     * an identity token's user {@code <token>}.
     */
    private static final Set<String> NOT_MAVEN = Set.of("<token>");

    static List<String> mavenWordsOutsideMaven(Path sources) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (sources.relativize(file).startsWith("maven")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    String code = line.strip();
                    if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                        continue;
                    }
                    Matcher literal = LITERAL.matcher(line);
                    while (literal.find()) {
                        String text = literal.group(1);
                        if (!NOT_MAVEN.contains(text)
                                && MAVEN_WORDS.matcher(text).find()) {
                            found.add(sources.relativize(file) + ":" + (i + 1) + ": \"" + text + "\"");
                        }
                    }
                }
            }
        }
        return found;
    }

    @Test
    void noMavenWordsOutsideTheMavenLayer() throws IOException {
        List<String> found = mavenWordsOutsideMaven(SOURCES);
        assertEquals(List.of(), found, "Maven wording outside maven/: hand it in through Hints");
    }

    /** The check is not one that cannot fail. */
    @Test
    void theCheckFindsAnElementAPropertyAndACommand() {
        for (String bad : List.of(
                "(set <requirementsFile>)", "-Dfastapi.smoke.force=true", "fastapi.smoke.network", "run mvn package")) {
            assertFalse(!MAVEN_WORDS.matcher(bad).find(), bad);
        }
        assertFalse(MAVEN_WORDS.matcher("io.github.fastapidocker.smoke").find());
    }
}
