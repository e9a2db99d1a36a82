package io.github.fastapidocker.project.deps;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A pip requirements file and the files it includes with {@code -r} and {@code -c} (recursively,
 * relative to the including file, as pip reads them). All of them go into the dependency layer at
 * their paths in the Python directory, so the include lines resolve under {@code /code}. No TOML
 * here: a requirements project never loads the lock readers.
 */
final class RequirementsFiles {
    private static final Pattern COMMENT = Pattern.compile("(^|\\s+)#.*$");
    private static final List<String> INCLUDES = List.of("--requirement", "--constraint", "-r", "-c");
    private static final List<String> EDITABLE = List.of("--editable", "-e");
    private static final List<String> ARCHIVES = List.of(".whl", ".tar.gz", ".zip", ".tar.bz2", ".tgz");

    private final Path base;
    private final Hints hints;
    private final Map<Path, String> files = new LinkedHashMap<>();

    private RequirementsFiles(Path base, Hints hints) {
        this.base = base;
        this.hints = hints;
    }

    /**
     * The layer for {@code main} (inside {@code base}). Without includes it is the guide's: the file
     * copied as {@code requirements.txt}. With includes every file keeps its path.
     */
    static DependencyLayer layer(Path base, Path main, Hints hints) {
        RequirementsFiles scan = new RequirementsFiles(base, hints);
        scan.read(main);
        if (scan.files.size() == 1) {
            return DependencyLayer.plain(main);
        }
        List<DependencyFile> copies = new ArrayList<>();
        scan.files.entrySet().stream()
                .skip(1)
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> copies.add(DependencyFile.copied(e.getValue(), e.getKey())));
        String mainName = scan.files.get(main);
        copies.add(DependencyFile.copied(mainName, main));
        return new DependencyLayer(copies, mainName, mainName);
    }

    private void read(Path file) {
        if (files.containsKey(file)) {
            return;
        }
        String name = relative(file);
        if (name.equals("Dockerfile")) {
            throw new ConfigurationException("A requirements file cannot be named Dockerfile: " + file);
        }
        files.put(file, name);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        StringBuilder logical = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (logical.length() == 0) {
                start = i + 1;
            }
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1);
                continue;
            }
            logical.append(line);
            check(
                    file,
                    start,
                    COMMENT.matcher(logical.toString()).replaceAll("").trim());
            logical.setLength(0);
        }
        if (logical.length() > 0) {
            check(
                    file,
                    start,
                    COMMENT.matcher(logical.toString()).replaceAll("").trim());
        }
    }

    private void check(Path file, int number, String line) {
        if (line.isEmpty()) {
            return;
        }
        String include = value(line, INCLUDES);
        if (include != null) {
            if (!include.contains("://")) {
                read(included(file, number, line, include));
            }
            return;
        }
        String editable = value(line, EDITABLE);
        if (editable != null) {
            if (isLocal(editable)) {
                throw local(file, number, line);
            }
            return;
        }
        if (!line.startsWith("-") && isLocal(line.split(";", 2)[0].trim())) {
            throw local(file, number, line);
        }
    }

    /** The value of an option line ({@code -r x}, {@code -rx}, {@code --requirement=x}), or {@code null}. */
    static String value(String line, List<String> options) {
        for (String option : options) {
            if (!line.startsWith(option)) {
                continue;
            }
            String rest = line.substring(option.length());
            if (option.startsWith("--")) {
                if (!rest.isEmpty() && rest.charAt(0) != '=' && !Character.isWhitespace(rest.charAt(0))) {
                    continue;
                }
                rest = rest.trim();
                return (rest.startsWith("=") ? rest.substring(1) : rest).trim();
            }
            return rest.trim();
        }
        return null;
    }

    /** A path on this machine (not a name, a URL or a VCS link): pip would read it from the code. */
    static boolean isLocal(String requirement) {
        String r = requirement.trim();
        String lower = r.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:") || lower.matches(".*@\\s*file:.*")) {
            return true;
        }
        if (r.contains("://") || r.contains("@")) {
            return false;
        }
        return r.startsWith(".")
                || r.startsWith("/")
                || r.startsWith("~")
                || r.contains("/")
                || r.contains("\\")
                || ARCHIVES.stream().anyMatch(lower::endsWith);
    }

    private Path included(Path file, int number, String line, String include) {
        Path target = file.getParent().resolve(include).normalize();
        if (!target.startsWith(base)) {
            throw new ConfigurationException(where(file, number) + ": '" + line + "' includes " + target
                    + ", outside the Python directory " + base
                    + ": only its files go into the image. Move the file into it");
        }
        if (!Files.isRegularFile(target)) {
            throw new ConfigurationException(
                    where(file, number) + ": '" + line + "' includes " + target + ", which does not exist");
        }
        return target;
    }

    private ConfigurationException local(Path file, int number, String line) {
        return new ConfigurationException(where(file, number) + ": '" + line
                + "' installs a local path, which cannot be installed before the code is copied (the"
                + " dependency layer comes first, so it is reused until the dependencies change). Remove"
                + " the line (the code under /code is importable without installing it), or publish the"
                + " package to an index and pin it, or build with your own Dockerfile ("
                + hints.name(Setting.DOCKERFILE) + ")");
    }

    private String where(Path file, int number) {
        return relative(file) + " line " + number;
    }

    private String relative(Path file) {
        return base.relativize(file).toString().replace('\\', '/');
    }
}
