package io.github.fastapidocker.build;

import io.github.fastapidocker.project.LayoutDetector;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The tar the engine builds from, assembled by us rather than by walking a directory: only the
 * files the Dockerfile copies, sorted, with fixed modes, owners and times. The same inputs give
 * the same bytes, and Docker's layer cache (which looks at content, mode and owner) stays warm.
 */
public final class BuildContext {
    /** Directory names never sent: caches, virtual environments, VCS data, Maven output. */
    static final Set<String> EXCLUDED_DIRECTORIES =
            Set.of("__pycache__", ".venv", ".git", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".idea");
    /** File suffixes never sent: compiled Python. */
    static final List<String> EXCLUDED_SUFFIXES = List.of(".pyc", ".pyo");
    /** A fixed time for every entry (the cache ignores it; reproducibility needs it fixed). */
    static final long FIXED_TIME_MILLIS = 0L;

    private final TreeMap<String, ContextEntry> entries = new TreeMap<>();

    /** Adds an entry; a later entry of the same name replaces an earlier one. */
    public BuildContext add(ContextEntry entry) {
        entries.put(entry.name(), entry);
        return this;
    }

    /**
     * Adds a file or a whole directory tree from disk under {@code name}, skipping
     * {@link #EXCLUDED_DIRECTORIES}, {@link #EXCLUDED_SUFFIXES} and any path in {@code excluded}.
     */
    public BuildContext addTree(String name, Path source, Set<Path> excluded) {
        if (Files.isRegularFile(source)) {
            add(ContextEntry.file(name, source, Files.isExecutable(source)));
            return this;
        }
        Set<Path> skip =
                excluded.stream().map(p -> p.toAbsolutePath().normalize()).collect(java.util.stream.Collectors.toSet());
        Path root = source.toAbsolutePath().normalize();
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = walk.filter(p -> !isExcluded(root, p, skip)).toList();
            for (Path path : paths) {
                String relative = LayoutDetector.slashes(root.relativize(path));
                String entryName = relative.isEmpty() ? name : (name.isEmpty() ? relative : name + "/" + relative);
                if (entryName.isEmpty()) {
                    continue;
                }
                if (Files.isDirectory(path)) {
                    add(ContextEntry.directory(entryName));
                } else if (Files.isRegularFile(path)) {
                    add(ContextEntry.file(entryName, path, Files.isExecutable(path)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        return this;
    }

    private static boolean isExcluded(Path root, Path path, Set<Path> skip) {
        for (Path p = path; p != null && p.startsWith(root); p = p.getParent()) {
            if (skip.contains(p)) {
                return true;
            }
            if (!p.equals(root) && EXCLUDED_DIRECTORIES.contains(p.getFileName().toString()) && Files.isDirectory(p)) {
                return true;
            }
        }
        String file = path.getFileName().toString();
        return EXCLUDED_SUFFIXES.stream().anyMatch(file::endsWith);
    }

    /** The entry names, sorted as they are written. */
    public List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    /** Writes the tar; returns its size in bytes. */
    public long writeTo(Path tar) {
        try {
            Files.createDirectories(tar.toAbsolutePath().getParent());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tar))) {
                writeTo(out);
            }
            return Files.size(tar);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the build context " + tar, e);
        }
    }

    public void writeTo(OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (ContextEntry entry : entries.values().stream()
                .sorted(Comparator.comparing(ContextEntry::name))
                .toList()) {
            TarArchiveEntry header = new TarArchiveEntry(entry.directory() ? entry.name() + "/" : entry.name());
            header.setModTime(FIXED_TIME_MILLIS);
            header.setIds(0, 0);
            header.setNames("", "");
            if (entry.directory()) {
                header.setMode(040755);
                tar.putArchiveEntry(header);
            } else {
                byte[] content = entry.content() != null ? entry.content() : Files.readAllBytes(entry.source());
                header.setMode(0100000 | (entry.executable() ? 0755 : 0644));
                header.setSize(content.length);
                tar.putArchiveEntry(header);
                tar.write(content);
            }
            tar.closeArchiveEntry();
        }
        tar.finish();
        tar.flush();
    }
}
