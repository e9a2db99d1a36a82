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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns {@code poetry.lock} (Poetry 1.x with {@code category}, 2.x with {@code groups}) into what
 * {@code poetry export --only main} writes: the main dependencies of {@code pyproject.toml}
 * ({@code [tool.poetry.dependencies]} without {@code python}, or {@code [project].dependencies})
 * and everything they need, pinned with every hash.
 */
final class PoetryLockExport {
    static final String FILE = "poetry.lock";
    private static final Pattern EXTRA_ENTRY =
            Pattern.compile("\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(?:\\[([^\\]]*)\\])?.*");
    private static final Set<String> FOREIGN = Set.of("git", "directory", "file", "url");

    private final Map<String, List<JsonNode>> packages = new LinkedHashMap<>();
    /** Poetry 1.4 and older (lock-version 1.x) keep the files in {@code [metadata.files]}, by name. */
    private final Map<String, JsonNode> metadataFiles = new LinkedHashMap<>();

    private final Hints hints;

    private PoetryLockExport(JsonNode lock, Hints hints) {
        this.hints = hints;
        lock.path("package").forEach(p -> packages.computeIfAbsent(
                        Names.normalize(p.path("name").asText()), k -> new ArrayList<>())
                .add(p));
        JsonNode files = lock.path("metadata").path("files");
        Pyproject.fieldNames(files).forEach(name -> metadataFiles.put(Names.normalize(name), files.path(name)));
    }

    static Generated export(Path base, Pyproject pyproject, List<String> extras, Hints hints) {
        return new PoetryLockExport(Toml.read(base.resolve(FILE)), hints).export(pyproject, extras);
    }

    private Generated export(Pyproject pyproject, List<String> extras) {
        List<LockGraph.Edge> roots = PoetryRoots.edges(pyproject, extras, hints);
        Map<String, Marker> needed = LockGraph.walk(roots, this::edges);
        List<PinnedRequirements.Pin> pins = new ArrayList<>();
        needed.forEach((name, computed) -> {
            JsonNode entry = single(name);
            String type = Toml.text(entry.path("source").path("type"));
            if (type != null && FOREIGN.contains(type)) {
                throw new ConfigurationException(name + " in " + FILE + " comes from a " + type + " source ("
                        + Urls.withoutLogin(entry.path("source").path("url").asText())
                        + "), which a requirements file installed"
                        + " before the code cannot express. " + advice());
            }
            List<String> hashes = new ArrayList<>();
            JsonNode files =
                    entry.has("files") ? entry.path("files") : metadataFiles.getOrDefault(name, entry.path("files"));
            files.forEach(f -> {
                String hash = Toml.text(f.path("hash"));
                if (hash != null && !hashes.contains(hash)) {
                    hashes.add(hash);
                }
            });
            if (hashes.isEmpty()) {
                throw new ConfigurationException(name + " in " + FILE + " has no file hashes. " + advice());
            }
            pins.add(new PinnedRequirements.Pin(name, entry.path("version").asText(), marker(entry, computed), hashes));
        });
        String what = "the main dependencies" + (extras.isEmpty() ? "" : " with extras " + String.join(", ", extras))
                + ", pinned with hashes";
        return new Generated(
                PinnedRequirements.render(FILE, what, pins), FILE, pins.size() + " packages pinned with hashes");
    }

    /** Poetry 2 records each package's marker; one naming an extra means nothing to pip, so ours then. */
    private static String marker(JsonNode entry, Marker computed) {
        JsonNode markers = entry.path("markers");
        String locked = markers.isObject() ? Toml.text(markers.path("main")) : Toml.text(markers);
        return locked != null && !locked.contains("extra ") ? locked : computed.text();
    }

    private List<LockGraph.Edge> edges(String pkg, String extra) {
        JsonNode entry = single(pkg);
        JsonNode dependencies = entry.path("dependencies");
        List<LockGraph.Edge> edges = new ArrayList<>();
        if (extra == null) {
            for (String name : Pyproject.fieldNames(dependencies)) {
                PoetryRoots.constraints(dependencies.path(name)).stream()
                        .filter(c -> !c.path("optional").asBoolean(false))
                        .forEach(c -> edges.add(PoetryRoots.edge(name, c)));
            }
            return edges;
        }
        JsonNode listed = entry.path("extras");
        for (String key : Pyproject.fieldNames(listed)) {
            if (!Names.normalize(key).equals(extra)) {
                continue;
            }
            for (String text : Toml.strings(listed.path(key))) {
                Matcher m = EXTRA_ENTRY.matcher(text);
                if (!m.matches()) {
                    continue;
                }
                String name = Names.normalize(m.group(1));
                List<String> wanted =
                        m.group(2) == null ? List.of() : List.of(m.group(2).split("\\s*,\\s*"));
                String declared = Pyproject.fieldNames(dependencies).stream()
                        .filter(n -> Names.normalize(n).equals(name))
                        .findFirst()
                        .orElse(null);
                if (declared == null) {
                    edges.add(new LockGraph.Edge(name, wanted, null));
                    continue;
                }
                for (JsonNode c : PoetryRoots.constraints(dependencies.path(declared))) {
                    LockGraph.Edge edge = PoetryRoots.edge(declared, c);
                    List<String> all = new ArrayList<>(edge.extras());
                    wanted.stream().filter(w -> !all.contains(w)).forEach(all::add);
                    edges.add(new LockGraph.Edge(edge.target(), all, edge.marker()));
                }
            }
        }
        return edges;
    }

    private JsonNode single(String name) {
        List<JsonNode> entries = packages.get(name);
        if (entries == null) {
            throw new ConfigurationException(FILE + " has no entry for " + name + ": run poetry lock");
        }
        if (entries.size() > 1) {
            throw new ConfigurationException(FILE + " holds " + entries.size() + " versions of " + name + " ("
                    + entries.stream().map(e -> e.path("version").asText()).collect(Collectors.joining(", "))
                    + ") for different environments, which one requirements file cannot express. " + advice());
        }
        return entries.get(0);
    }

    private String advice() {
        return "Export it with Poetry instead: poetry export --only main -o requirements.txt (Poetry 2 needs the"
                + " poetry-plugin-export plugin), and set " + hints.set(Setting.PYTHON_DEPENDENCIES, "requirements");
    }
}
