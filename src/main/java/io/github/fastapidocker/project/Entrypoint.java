package io.github.fastapidocker.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.project.deps.Toml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code [tool.fastapi] entrypoint = "pkg.mod:obj"} in {@code pyproject.toml}, which fastapi-cli
 * reads before its default paths: the module as a file of the project, and the object.
 *
 * @param module the module, for example {@code myservice.main}
 * @param object the object, for example {@code api}, or {@code null} when not given
 */
record Entrypoint(String module, String object) {
    static final String PYPROJECT = "pyproject.toml";
    private static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    /**
     * The entrypoint of the project, if its {@code pyproject.toml} names one. The file is parsed
     * only when it has a {@code [tool.fastapi]} table: TOML is not loaded for anyone else.
     */
    static Optional<Entrypoint> read(Path base) {
        Path file = base.resolve(PYPROJECT);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (!Files.readString(file, StandardCharsets.UTF_8).contains("tool.fastapi")) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        JsonNode value = Toml.read(file).path("tool").path("fastapi").path("entrypoint");
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        String text = value.asText().strip();
        int colon = text.indexOf(':');
        String module = colon < 0 ? text : text.substring(0, colon).strip();
        String object = colon < 0 ? null : text.substring(colon + 1).strip();
        if (!MODULE.matcher(module).matches() || (object != null && !AppObjects.isIdentifier(object))) {
            throw new ConfigurationException("[tool.fastapi] entrypoint in " + file
                    + " must be \"package.module:object\", for example \"myservice.main:app\", was \"" + text + "\"");
        }
        return Optional.of(new Entrypoint(module, object));
    }

    /** The files the module may be, as Python would import it from the project or its src/. */
    List<String> candidates() {
        String path = module.replace('.', '/');
        List<String> out = new ArrayList<>();
        for (String root : List.of("", "src/")) {
            out.add(root + path + ".py");
            out.add(root + path + "/__init__.py");
        }
        return out;
    }
}
