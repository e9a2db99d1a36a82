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
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Jackson's message ends with its own source description; the line and column are what help.
            var at = e.getLocation();
            throw new ConfigurationException("Cannot read " + file + " as TOML: " + e.getOriginalMessage()
                    + (at == null || at.getLineNr() < 1
                            ? ""
                            : " (the reader stopped at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read " + file + " as TOML: " + e.getMessage());
        }
    }

    /** The text values of an array (missing: empty); anything else is a mistake. */
    static List<String> strings(JsonNode array) {
        return strings(array, "a value that must be a list");
    }

    /**
     * The text values of an array (missing: empty); a single string or a table where a list of
     * strings belongs ({@code dependencies = "fastapi"}) is the user's mistake, named.
     *
     * @param what the key and file, for the message
     */
    static List<String> strings(JsonNode array, String what) {
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new ConfigurationException(what + " must be a list of strings, [\"...\", ...], not " + array);
        }
        List<String> out = new ArrayList<>();
        array.forEach(node -> {
            if (!node.isValueNode()) {
                throw new ConfigurationException(what + " must be a list of strings, not " + array);
            }
            out.add(node.asText());
        });
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
