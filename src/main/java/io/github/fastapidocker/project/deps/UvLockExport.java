package io.github.fastapidocker.project.deps;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import io.github.fastapidocker.kernel.Urls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns {@code uv.lock} into what {@code uv export --no-dev --no-emit-project --format
 * requirements-txt} writes: every package the project needs by default (its dependencies and the
 * extras asked for, never a dependency group), pinned with every hash, with the markers met on the
 * way. The project itself (the virtual or editable root) is left out.
 */
final class UvLockExport {
    static final String FILE = "uv.lock";

    private final Map<String, List<JsonNode>> packages = new LinkedHashMap<>();
    private final Hints hints;

    private UvLockExport(JsonNode lock, Hints hints) {
        this.hints = hints;
        lock.path("package").forEach(p -> packages.computeIfAbsent(
                        Names.normalize(p.path("name").asText()), k -> new ArrayList<>())
                .add(p));
    }

    static Generated export(Path base, Pyproject project, List<String> extras, Hints hints) {
        JsonNode lock = Toml.read(base.resolve(FILE));
        int version = lock.path("version").asInt(0);
        if (version != 1) {
            throw new ConfigurationException(
                    FILE + " has version " + lock.path("version").asText("(none)") + "; only version 1 is read. "
                            + new UvLockExport(lock, hints).advice());
        }
        return new UvLockExport(lock, hints).export(project, extras);
    }

    private Generated export(Pyproject project, List<String> extras) {
        List<String> roots = roots(project);
        checkFresh(project, roots);
        List<LockGraph.Edge> edges = new ArrayList<>();
        for (String root : roots) {
            JsonNode entry = single(root);
            edges.addAll(edges(entry.path("dependencies")));
            for (String extra : extras) {
                JsonNode optional = entry.path("optional-dependencies").path(Names.normalize(extra));
                if (optional.isMissingNode()) {
                    throw new ConfigurationException(root + " in " + FILE + " has no extra '" + extra + "' (it has "
                            + Pyproject.listed(entry.path("optional-dependencies"))
                            + "; set " + hints.name(Setting.PYTHON_EXTRAS) + ")");
                }
                edges.addAll(edges(optional));
            }
        }
        Map<String, Marker> needed = LockGraph.walk(edges, (pkg, extra) -> {
            JsonNode entry = single(pkg);
            return edges(
                    extra == null
                            ? entry.path("dependencies")
                            : entry.path("optional-dependencies").path(extra));
        });
        List<PinnedRequirements.Pin> pins = new ArrayList<>();
        java.util.Set<String> registries = new java.util.TreeSet<>();
        needed.forEach((name, marker) -> {
            if (roots.contains(name)) {
                return;
            }
            JsonNode entry = single(name);
            JsonNode source = entry.path("source");
            if (source.has("virtual")) {
                return;
            }
            if (!source.has("registry")) {
                String kind =
                        source.fieldNames().hasNext() ? source.fieldNames().next() : "(none)";
                throw new ConfigurationException(name + " in " + FILE + " comes from a " + kind + " source ("
                        + Urls.withoutLogin(source.path(kind).asText())
                        + "), which a requirements file installed before the code"
                        + " cannot express. " + advice());
            }
            String registry = Toml.text(source.path("registry"));
            if (registry != null && !registry.startsWith("https://pypi.org/")) {
                registries.add(Urls.withoutLogin(registry));
            }
            List<String> hashes = new ArrayList<>();
            String sdist = Toml.text(entry.path("sdist").path("hash"));
            if (sdist != null) {
                hashes.add(sdist);
            }
            entry.path("wheels").forEach(w -> {
                String hash = Toml.text(w.path("hash"));
                if (hash != null && !hashes.contains(hash)) {
                    hashes.add(hash);
                }
            });
            if (hashes.isEmpty()) {
                throw new ConfigurationException(name + " in " + FILE + " has no hashes. " + advice());
            }
            pins.add(new PinnedRequirements.Pin(name, entry.path("version").asText(), marker.text(), hashes));
        });
        String what = "the default dependencies of " + String.join(", ", roots)
                + (extras.isEmpty() ? "" : " with extras " + String.join(", ", extras))
                + ", without dev groups, pinned with hashes";
        // pip installs from the index the image's pip is given, not from the lock's: say which one the lock named.
        String from = registries.isEmpty()
                ? ""
                : "; uv.lock takes some from " + String.join(", ", registries) + ": pip takes them from the index "
                        + hints.name(Setting.PIP_INDEX_URL) + " names, PyPI without it";
        return new Generated(
                PinnedRequirements.render(FILE, what, pins), FILE, pins.size() + " packages pinned with hashes" + from);
    }

    /** The project's own entries: virtual or editable, named as {@code [project].name}. */
    private List<String> roots(Pyproject project) {
        String name = project.name();
        List<String> roots = packages.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(p -> {
                    JsonNode source = p.path("source");
                    boolean own = source.has("virtual") || source.has("editable");
                    return own
                            && (name == null
                                    ? "."
                                            .equals(source.path("virtual")
                                                    .asText(source.path("editable")
                                                            .asText()))
                                    : Names.normalize(name).equals(e.getKey()));
                }))
                .map(Map.Entry::getKey)
                .collect(Collectors.toList());
        if (roots.isEmpty()) {
            throw new ConfigurationException(FILE + " has no virtual or editable entry for the project"
                    + (name == null ? "" : " '" + name + "' (the [project].name of pyproject.toml)")
                    + ": run uv lock. " + advice());
        }
        return roots;
    }

    /**
     * {@code uv export} refuses a lock that no longer matches {@code pyproject.toml}; so does this,
     * by name: a dependency added to {@code [project].dependencies} and not locked would be missing
     * from the image, one removed would still be installed.
     */
    private void checkFresh(Pyproject project, List<String> roots) {
        JsonNode declared = project.project().path("dependencies");
        JsonNode locked =
                roots.size() == 1 ? single(roots.get(0)).path("metadata").path("requires-dist") : null;
        if (locked == null || !locked.isArray() || !declared.isArray()) {
            return;
        }
        java.util.Set<String> inLock = new java.util.TreeSet<>();
        locked.forEach(d -> {
            String marker = Toml.text(d.path("marker"));
            if (marker == null || !marker.contains("extra")) {
                inLock.add(Names.normalize(d.path("name").asText()));
            }
        });
        java.util.Set<String> inPyproject = new java.util.TreeSet<>();
        for (String text : Toml.strings(declared, "[project].dependencies in " + Pyproject.FILE)) {
            Requirement requirement;
            try {
                requirement = Requirement.parse(text);
            } catch (IllegalArgumentException e) {
                return; // uv read it; a form this reader does not know is no reason to refuse the lock
            }
            if (!requirement.name().equals(roots.get(0))) {
                inPyproject.add(requirement.name());
            }
        }
        if (!inLock.equals(inPyproject)) {
            java.util.Set<String> added = new java.util.TreeSet<>(inPyproject);
            added.removeAll(inLock);
            java.util.Set<String> removed = new java.util.TreeSet<>(inLock);
            removed.removeAll(inPyproject);
            throw new ConfigurationException(FILE + " is out of date with " + Pyproject.FILE + " ("
                    + (added.isEmpty() ? "" : "not locked: " + String.join(", ", added))
                    + (added.isEmpty() || removed.isEmpty() ? "" : "; ")
                    + (removed.isEmpty() ? "" : "no longer in [project].dependencies: " + String.join(", ", removed))
                    + "): run uv lock");
        }
    }

    private JsonNode single(String name) {
        List<JsonNode> entries = packages.get(name);
        if (entries == null) {
            throw new ConfigurationException(FILE + " has no entry for " + name + ": run uv lock");
        }
        if (entries.size() > 1) {
            throw new ConfigurationException(FILE + " holds " + entries.size() + " versions of " + name + " ("
                    + entries.stream().map(e -> e.path("version").asText()).collect(Collectors.joining(", "))
                    + ") for different environments, which one requirements file cannot express. " + advice());
        }
        return entries.get(0);
    }

    private static List<LockGraph.Edge> edges(JsonNode dependencies) {
        List<LockGraph.Edge> edges = new ArrayList<>();
        dependencies.forEach(d -> edges.add(new LockGraph.Edge(
                Names.normalize(d.path("name").asText()), Toml.strings(d.path("extra")), Toml.text(d.path("marker")))));
        return edges;
    }

    private String advice() {
        return "Export it with uv instead: uv export --no-dev --no-emit-project --format requirements-txt"
                + " -o requirements.txt, and set " + hints.set(Setting.PYTHON_DEPENDENCIES, "requirements");
    }
}
