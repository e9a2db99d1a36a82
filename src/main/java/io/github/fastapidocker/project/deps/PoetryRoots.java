package io.github.fastapidocker.project.deps;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * A Poetry project's main dependencies, from {@code pyproject.toml}: PEP 621
 * {@code [project].dependencies} (Poetry 2) or {@code [tool.poetry.dependencies]} without
 * {@code python}, whose values are a version string, a table ({@code version}, {@code markers},
 * {@code optional}, {@code extras}) or a list of tables.
 */
final class PoetryRoots {
    private PoetryRoots() {}

    static List<LockGraph.Edge> edges(Pyproject pyproject, List<String> extras, Hints hints) {
        List<LockGraph.Edge> edges = new ArrayList<>();
        JsonNode project = pyproject.project();
        if (project.has("dependencies")) {
            for (String text :
                    Toml.strings(project.path("dependencies"), "[project].dependencies in " + Pyproject.FILE)) {
                edges.add(PyprojectExport.parse(text, hints).edge());
            }
            JsonNode optional = project.path("optional-dependencies");
            for (String extra : extras) {
                JsonNode list = find(optional, extra, "[project.optional-dependencies]", hints);
                Toml.strings(list)
                        .forEach(text ->
                                edges.add(PyprojectExport.parse(text, hints).edge()));
            }
            return edges;
        }
        JsonNode dependencies = pyproject.poetry().path("dependencies");
        if (dependencies.isMissingNode()) {
            throw new ConfigurationException(Pyproject.FILE + " has neither [project].dependencies nor"
                    + " [tool.poetry.dependencies] for " + PoetryLockExport.FILE + " (set "
                    + hints.name(Setting.PYTHON_DEPENDENCIES) + ")");
        }
        List<String> optionalWanted = new ArrayList<>();
        for (String extra : extras) {
            Toml.strings(find(pyproject.poetry().path("extras"), extra, "[tool.poetry.extras]", hints))
                    .forEach(n -> optionalWanted.add(Names.normalize(n)));
        }
        for (String name : Pyproject.fieldNames(dependencies)) {
            if (name.equals("python")) {
                continue;
            }
            for (JsonNode c : constraints(dependencies.path(name))) {
                if (!c.path("optional").asBoolean(false) || optionalWanted.contains(Names.normalize(name))) {
                    edges.add(edge(name, c));
                }
            }
        }
        return edges;
    }

    private static JsonNode find(JsonNode table, String extra, String where, Hints hints) {
        for (String key : Pyproject.fieldNames(table)) {
            if (Names.normalize(key).equals(Names.normalize(extra))) {
                return table.path(key);
            }
        }
        throw new ConfigurationException(Pyproject.FILE + " has no " + where + " '" + extra + "' (it has "
                + Pyproject.listed(table) + "; set " + hints.name(Setting.PYTHON_EXTRAS)
                + ")");
    }

    /** A dependency's value as a list of constraint tables (a version string is a table without markers). */
    static List<JsonNode> constraints(JsonNode value) {
        List<JsonNode> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(out::add);
        } else {
            out.add(value);
        }
        return out;
    }

    static LockGraph.Edge edge(String name, JsonNode constraint) {
        if (!constraint.isObject()) {
            return new LockGraph.Edge(Names.normalize(name), List.of(), null);
        }
        return new LockGraph.Edge(
                Names.normalize(name), Toml.strings(constraint.path("extras")), Toml.text(constraint.path("markers")));
    }
}
