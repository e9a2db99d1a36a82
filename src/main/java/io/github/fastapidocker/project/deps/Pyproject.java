package io.github.fastapidocker.project.deps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The parts of {@code pyproject.toml} the dependency readers use; a missing file reads as empty. */
final class Pyproject {
    static final String FILE = "pyproject.toml";

    private final JsonNode root;

    private Pyproject(JsonNode root) {
        this.root = root;
    }

    static Pyproject read(Path base) {
        Path file = base.resolve(FILE);
        return new Pyproject(Files.isRegularFile(file) ? Toml.read(file) : MissingNode.getInstance());
    }

    boolean exists() {
        return !root.isMissingNode();
    }

    /** {@code [project].name}, or {@code null}; falls back to {@code [tool.poetry].name}. */
    String name() {
        String name = Toml.text(project().path("name"));
        return name != null ? name : Toml.text(poetry().path("name"));
    }

    /** The {@code [project]} table (PEP 621). */
    JsonNode project() {
        return root.path("project");
    }

    /** The {@code [tool.poetry]} table. */
    JsonNode poetry() {
        return root.path("tool").path("poetry");
    }

    /** The {@code [tool.uv.sources]} table: where uv takes a dependency from, instead of an index. */
    JsonNode uvSources() {
        return root.path("tool").path("uv").path("sources");
    }

    /** The names, comma-separated, or {@code none}. */
    static String listed(JsonNode table) {
        List<String> names = fieldNames(table);
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    static List<String> fieldNames(JsonNode table) {
        List<String> names = new ArrayList<>();
        table.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
