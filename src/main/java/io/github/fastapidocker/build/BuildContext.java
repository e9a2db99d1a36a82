package io.github.fastapidocker.build;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.EnvironmentFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
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
    private final Path boundary;
    private final DockerIgnore ignore;
    /** The boundary's real location, found once (every file from disk is checked against it). */
    private Path realBoundary;

    /**
     * @param boundary the Python directory: every file from disk must really be inside it
     * @param ignore what the project's {@code .dockerignore} leaves out of directory trees
     */
    public BuildContext(Path boundary, DockerIgnore ignore) {
        this.boundary = boundary.toAbsolutePath().normalize();
        this.ignore = ignore;
    }

    /**
     * Adds an entry; a later entry of the same name replaces an earlier one. A file from disk must
     * really be inside the Python directory (a symbolic link out of it is refused).
     */
    public BuildContext add(ContextEntry entry) {
        if (entry.source() != null) {
            checkLinked(entry.source(), checkInside(entry.source()));
        }
        entries.put(entry.name(), entry);
        return this;
    }

    /**
     * Refuses a file the Dockerfile copies by name (a requirements file, the app) when the
     * {@code .dockerignore} leaves it out: the plugin never puts such a file into the image.
     *
     * @param what what the file is, for the message ("The requirements file")
     * @param remedy what to change instead
     */
    public void checkNotIgnored(String name, String what, String remedy) {
        if (!ignore.isEmpty() && ignore.excludes(name)) {
            throw new ConfigurationException(what + " " + name + " is one the .dockerignore leaves out, so the"
                    + " plugin does not put it into the image. " + remedy);
        }
    }

    /**
     * A file reached through a symbolic link is judged by where it really is, too: an environment
     * file, or one the {@code .dockerignore} leaves out, never reaches the image through a link
     * (the plugin copies what a link points to, so the file's content would be in the image).
     */
    private void checkLinked(Path source, Path real) {
        Path abs = source.toAbsolutePath().normalize();
        if (real.equals(abs)) {
            return; // no link on the way: the usual case, without decoding two names per file
        }
        String realName = ContextPaths.relativeName(realBoundary, real);
        if (abs.startsWith(boundary) && realName.equals(ContextPaths.relativeName(boundary, abs))) {
            return;
        }
        String what = EnvironmentFiles.is(real.getFileName().toString())
                ? "an environment file, whose secrets"
                : !ignore.isEmpty() && ignore.excludes(realName)
                        ? "a file the .dockerignore leaves out, whose content"
                        : null;
        if (what != null) {
            throw new ConfigurationException(ContextPaths.describeLink(source, boundary) + " (" + realName + "), "
                    + what + " would go into the image through the link (the plugin copies what a link points"
                    + " to). Remove the link");
        }
    }

    /**
     * Adds a file or a whole directory tree from disk under {@code name}, skipping
     * {@link #EXCLUDED_DIRECTORIES}, {@link #EXCLUDED_SUFFIXES} and any path in {@code excluded}.
     */
    public BuildContext addTree(String name, Path source, Set<Path> excluded) {
        checkInside(source);
        if (Files.isRegularFile(source)) {
            add(ContextEntry.file(name, source, Files.isExecutable(source)));
            return this;
        }
        Set<Path> skip =
                excluded.stream().map(p -> p.toAbsolutePath().normalize()).collect(java.util.stream.Collectors.toSet());
        Path root = source.toAbsolutePath().normalize();
        // What the .dockerignore sees: paths relative to the Python directory, the context root.
        String ignorePrefix =
                ignore.isEmpty() || !root.startsWith(boundary) ? null : ContextPaths.relativeName(boundary, root);
        // Links are followed so that a linked app/ arrives whole; add() refuses any that leads out.
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            List<Path> paths = walk.filter(p -> !isExcluded(root, p, skip)).toList();
            for (Path path : paths) {
                String relative = ContextPaths.relativeName(root, path);
                String entryName = relative.isEmpty() ? name : (name.isEmpty() ? relative : name + "/" + relative);
                if (entryName.isEmpty() || ignored(ignorePrefix, relative, entryName)) {
                    continue;
                }
                if (Files.isDirectory(path)) {
                    checkInside(path);
                    add(ContextEntry.directory(entryName));
                } else if (Files.isRegularFile(path)) {
                    add(ContextEntry.file(entryName, path, Files.isExecutable(path)));
                } else if (Files.isSymbolicLink(path)) {
                    checkInside(path);
                }
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FileSystemLoopException loop) {
                throw new ConfigurationException("The symbolic link " + loop.getFile() + " points to a directory that"
                        + " contains it: following it would never end. Remove the link");
            }
            throw new UncheckedIOException("Cannot read " + source, e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        keepParentsOfIncluded();
        return this;
    }

    /** Whether the {@code .dockerignore} leaves the path out (its name relative to the context root). */
    private boolean ignored(String ignorePrefix, String relative, String entryName) {
        if (ignore.isEmpty()) {
            return false;
        }
        String contextName = ignorePrefix == null
                ? entryName
                : ignorePrefix.isEmpty() ? relative : relative.isEmpty() ? ignorePrefix : ignorePrefix + "/" + relative;
        return ignore.excludes(contextName);
    }

    private Path checkInside(Path path) {
        if (realBoundary == null) {
            realBoundary = ContextPaths.realPath(boundary);
        }
        return ContextPaths.checkInside(path, boundary, realBoundary);
    }

    /** An ignored directory whose files a {@code !} pattern brought back still needs its entry. */
    private void keepParentsOfIncluded() {
        for (String name : List.copyOf(entries.keySet())) {
            for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                entries.putIfAbsent(name.substring(0, slash), ContextEntry.directory(name.substring(0, slash)));
            }
        }
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

    /** The entries the plugin generated (not read from disk), by name, sorted. */
    public java.util.Map<String, byte[]> generated() {
        java.util.Map<String, byte[]> result = new TreeMap<>();
        entries.values().stream().filter(e -> e.content() != null).forEach(e -> result.put(e.name(), e.content()));
        return result;
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
        // Names are UTF-8 whatever the JVM's locale; a PAX header says so for any non-ASCII one.
        tar.setAddPaxHeadersForNonAsciiNames(true);
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
                header.setMode(0100000 | (entry.executable() ? 0755 : 0644));
                if (entry.content() != null) {
                    header.setSize(entry.content().length);
                    tar.putArchiveEntry(header);
                    tar.write(entry.content());
                } else {
                    // Streamed: a 2 GB file goes through a small buffer, never whole into the heap.
                    header.setSize(Files.size(entry.source()));
                    tar.putArchiveEntry(header);
                    Files.copy(entry.source(), tar);
                }
            }
            tar.closeArchiveEntry();
        }
        tar.finish();
        tar.flush();
    }
}
