package io.github.fastapidocker.project.deps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.github.fastapidocker.kernel.ConfigurationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads TOML ({@code uv.lock}, {@code poetry.lock}, {@code pyproject.toml}) as a JSON tree. */
public final class Toml {
    private static final TomlMapper MAPPER = new TomlMapper();

    private Toml() {}

    /** The file as a JSON tree; a file that is not TOML is the user's mistake, named. */
    public static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read " + file + " as TOML: " + e.getMessage());
        }
    }

    /** The text values of an array (missing: empty). */
    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    /** {@code null} for a missing or empty text. */
    static String text(JsonNode node) {
        return node == null
                        || node.isMissingNode()
                        || node.isNull()
                        || node.asText().isBlank()
                ? null
                : node.asText();
    }
}
