package io.github.fastapidocker.project.deps;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.EnvironmentFiles;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import io.github.fastapidocker.kernel.Urls;
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
    private static final List<String> FIND_LINKS = List.of("--find-links", "-f");

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
        if (EnvironmentFiles.is(file.getFileName().toString())) {
            throw new ConfigurationException(name + " is an environment file, not a requirements file: its secrets"
                    + " would go into the image with the dependency layer. Remove the -r/-c line that names it");
        }
        files.put(file, name);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfigurationException(
                    file + " is not UTF-8 text: save it as UTF-8 (pip reads requirements files as UTF-8)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            // A byte order mark, as Windows editors write it: pip skips it, and so must the include check.
            lines = new ArrayList<>(lines);
            lines.set(0, lines.get(0).substring(1));
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
        if (RequirementLines.carriesLogin(line)) {
            throw login(file, number, line);
        }
        String include = RequirementLines.value(line, INCLUDES);
        if (include != null) {
            if (!include.contains("://")) {
                read(included(file, number, line, RequirementLines.unquoted(include)));
            }
            return;
        }
        String links = RequirementLines.value(line, FIND_LINKS);
        if (links != null) {
            if (!links.contains("://") || links.toLowerCase(Locale.ROOT).startsWith("file:")) {
                throw local(file, number, line);
            }
            return;
        }
        String editable = RequirementLines.value(line, EDITABLE);
        if (editable != null) {
            if (RequirementLines.isLocal(editable)) {
                throw local(file, number, line);
            }
            return;
        }
        if (!line.startsWith("-") && RequirementLines.isLocal(line.split(";", 2)[0].trim())) {
            throw local(file, number, line);
        }
    }

    private Path included(Path file, int number, String line, String include) {
        Path target = file.getParent().resolve(include).normalize();
        if (!target.startsWith(base)) {
            throw new ConfigurationException(where(file, number) + ": '" + line + "' includes " + target
                    + ", outside the Python directory " + base
                    + ": only its files go into the image. Move the file into it");
        }
        if (!Files.isRegularFile(target)) {
            String why = include.contains("${")
                    ? ", which does not exist: pip would put an environment variable's value there, which the"
                            + " plugin cannot know before the build. Write the path"
                    : Files.isDirectory(target) ? ", a directory: an include names a file" : ", which does not exist";
            throw new ConfigurationException(where(file, number) + ": '" + line + "' includes " + target + why);
        }
        return target;
    }

    /** A login in a requirements file would be in the image: the file is copied into the dependency layer. */
    private ConfigurationException login(Path file, int number, String line) {
        return new ConfigurationException(where(file, number) + ": '" + Urls.withoutLogin(line)
                + "' carries a login, and the file is copied into the image with the dependency layer. Take"
                + " the login out of the file and name the index with " + hints.name(Setting.PIP_INDEX_URL)
                + " and its login with a settings.xml server (" + hints.name(Setting.PIP_INDEX_SERVER_ID)
                + "), which stay out of every layer");
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
