package io.github.fastapidocker.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which FastAPI object a module defines, read from its source: {@code fastapi run} imports the
 * module and takes {@code app}, then {@code api}, then the first FastAPI instance of {@code
 * dir(module)}, which Python sorts by name; the plugin cannot import it, so it reads the top-level
 * assignments {@code NAME = FastAPI(...)} (also {@code fastapi.FastAPI(...)} and annotated ones)
 * and takes the same one. Nothing found: the server's own search decides, as it would without the
 * plugin.
 */
final class AppObjects {
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^([A-Za-z_][A-Za-z0-9_]*)\\s*(?::\\s*[^=]+)?=\\s*(?:[A-Za-z_][A-Za-z0-9_]*\\.)*FastAPI\\s*\\(",
            Pattern.MULTILINE);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private AppObjects() {}

    static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches();
    }

    /** The object {@code fastapi run} would take from this file, when the source shows one. */
    static Optional<String> find(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        Matcher m = ASSIGNMENT.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        for (String preferred : List.of("app", "api")) {
            if (names.contains(preferred)) {
                return Optional.of(preferred);
            }
        }
        // dir() is sorted: with admin and public, fastapi run takes admin, whatever the file's order.
        return names.stream().sorted().findFirst();
    }
}
