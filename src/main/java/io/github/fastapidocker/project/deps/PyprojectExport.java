package io.github.fastapidocker.project.deps;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import io.github.fastapidocker.kernel.Urls;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code [project].dependencies} (and the {@code [project.optional-dependencies]} asked for) of a
 * project without a lock, as written, one a line, sorted. Only the dependency list decides the
 * bytes: a new {@code version} or {@code description} leaves the file, and so the layer, as it was.
 */
final class PyprojectExport {
    private PyprojectExport() {}

    /** @param lookedFor what else was looked for before, for the message when nothing is declared, or {@code null} */
    static Generated export(Pyproject pyproject, List<String> extras, Hints hints, String lookedFor) {
        JsonNode project = pyproject.project();
        if (Toml.strings(project.path("dynamic")).contains("dependencies")) {
            throw new ConfigurationException(Pyproject.FILE + " declares its dependencies dynamic, so they are"
                    + " known only to its build backend: write them into a requirements file and set "
                    + hints.name(Setting.REQUIREMENTS_FILE));
        }
        if (!project.has("dependencies")) {
            String poetry = pyproject.poetry().has("dependencies")
                    ? " It has [tool.poetry.dependencies]: run poetry lock, so poetry.lock pins them."
                    : "";
            throw new ConfigurationException(Pyproject.FILE + " has no [project].dependencies"
                    + (lookedFor == null ? "." : " (" + lookedFor + ").") + poetry + " Add them, or set "
                    + hints.name(Setting.REQUIREMENTS_FILE) + " or " + hints.name(Setting.PYTHON_DEPENDENCIES));
        }
        String self = pyproject.name() == null ? null : Names.normalize(pyproject.name());
        JsonNode optional = project.path("optional-dependencies");
        Set<String> lines = new TreeSet<>(
                Comparator.comparing((String s) -> Requirement.parse(s).name())
                        .thenComparing(Comparator.naturalOrder()));
        Deque<String> pending = new ArrayDeque<>(
                Toml.strings(project.path("dependencies"), "[project].dependencies in " + Pyproject.FILE));
        Set<String> seenExtras = new HashSet<>();
        for (String extra : extras) {
            pending.addAll(extra(optional, extra, seenExtras, hints));
        }
        while (!pending.isEmpty()) {
            String text = pending.pop();
            Requirement requirement = parse(text, hints);
            if (requirement.name().equals(self)) {
                // project[extra] in its own lists: the extra's requirements, not the project.
                requirement.extras().forEach(e -> pending.addAll(extra(optional, e, seenExtras, hints)));
                continue;
            }
            checkSource(pyproject, requirement);
            lines.add(requirement.text());
        }
        String what = "[project].dependencies" + (extras.isEmpty() ? "" : " and extras " + String.join(", ", extras))
                + ", as written";
        return new Generated(
                PinnedRequirements.lines(Pyproject.FILE, what, new ArrayList<>(lines)),
                Pyproject.FILE,
                lines.size() + " requirements as written, not pinned");
    }

    private static List<String> extra(JsonNode optional, String extra, Set<String> seen, Hints hints) {
        if (!seen.add(Names.normalize(extra))) {
            return List.of();
        }
        for (String name : Pyproject.fieldNames(optional)) {
            if (Names.normalize(name).equals(Names.normalize(extra))) {
                return Toml.strings(
                        optional.path(name), "[project.optional-dependencies] " + name + " in " + Pyproject.FILE);
            }
        }
        throw new ConfigurationException(Pyproject.FILE + " has no [project.optional-dependencies] '" + extra
                + "' (it has " + Pyproject.listed(optional) + "; set "
                + hints.name(Setting.PYTHON_EXTRAS) + ")");
    }

    /**
     * A dependency that {@code [tool.uv.sources]} takes from a path, a workspace member, git, a URL or
     * a named index: without {@code uv.lock} pip would take a package of that name from the index
     * instead (a local {@code libs/x} replaced by whatever the index serves under its name).
     */
    private static void checkSource(Pyproject pyproject, Requirement requirement) {
        JsonNode sources = pyproject.uvSources();
        for (String name : Pyproject.fieldNames(sources)) {
            if (Names.normalize(name).equals(requirement.name())) {
                JsonNode source = sources.path(name);
                String kind = source.isObject() && source.fieldNames().hasNext()
                        ? source.fieldNames().next()
                        : "source";
                throw new ConfigurationException(Pyproject.FILE + ": " + name + " has a [tool.uv.sources] entry ("
                        + kind + "), which pip does not read: without uv.lock it would install a package named "
                        + name + " from the index instead. Run uv lock, so that uv.lock says where it comes from,"
                        + " or remove the entry to take it from the index");
            }
        }
    }

    static Requirement parse(String text, Hints hints) {
        if (RequirementLines.carriesLogin(text)) {
            throw new ConfigurationException(Pyproject.FILE + ": '" + Urls.withoutLogin(text) + "' carries a"
                    + " login, which would go into the image with the generated requirements file. Publish the"
                    + " package to an index and name it with " + hints.name(Setting.PIP_INDEX_URL)
                    + ", its login in a settings.xml server (" + hints.name(Setting.PIP_INDEX_SERVER_ID) + ")");
        }
        Requirement requirement;
        try {
            requirement = Requirement.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(Pyproject.FILE + ": '" + text + "' is not a PEP 508 requirement");
        }
        if (requirement.isLocal()) {
            throw new ConfigurationException(Pyproject.FILE + ": '" + text + "' installs a local path, which"
                    + " cannot be installed before the code is copied. Publish the package to an index and pin"
                    + " it, or build with your own Dockerfile (" + hints.name(Setting.DOCKERFILE) + ")");
        }
        return requirement;
    }
}
