package io.github.fastapidocker.build;

import io.github.fastapidocker.kernel.ConfigurationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The two checks every file from disk passes before it goes into a context: its name as the bytes
 * on disk (UTF-8), and where it really is (inside the Python directory).
 *
 * <p>A JVM started under {@code LANG=C} decodes file names as ASCII, so {@code Path.toString()}
 * turns {@code café.py} into {@code caf??.py} and two such names into one. {@link Path#toUri()}
 * keeps the bytes (percent-encoded) whatever the locale, so names are taken from it.
 */
final class ContextPaths {
    private ContextPaths() {}

    /** {@code path} relative to {@code root}, {@code /}-separated, from the name bytes on disk. */
    static String relativeName(Path root, Path path) {
        String rootRaw = stripSlash(root.toAbsolutePath().toUri().getRawPath());
        String raw = stripSlash(path.toAbsolutePath().toUri().getRawPath());
        if (raw.equals(rootRaw)) {
            return "";
        }
        if (!raw.startsWith(rootRaw + "/")) {
            throw new IllegalArgumentException(path + " is not under " + root);
        }
        return decode(raw.substring(rootRaw.length() + 1), path);
    }

    private static String stripSlash(String raw) {
        return raw.length() > 1 && raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
    }

    /** Percent-decoded bytes read as strict UTF-8: a name that is not is an error, never replaced. */
    private static String decode(String raw, Path path) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConfigurationException("The file name " + raw + " (bytes in %XX) in " + path.getParent()
                    + " is not valid UTF-8, so it cannot be named in the image: rename it");
        }
    }

    /**
     * Refuses a file or directory whose real location is outside {@code boundary}: a symbolic link
     * that leads out of the Python directory (to {@code /etc/passwd}, a home directory) would put
     * the host's files into the image. A link that stays inside is followed: the image gets what it
     * points to.
     */
    static void checkInside(Path path, Path boundary) {
        checkInside(path, boundary, realPath(boundary));
    }

    /** "The symbolic link L points to T", for the first link on the way to {@code path}. */
    static String describeLink(Path path, Path boundary) {
        return link(path, boundary) + " points to " + target(path, boundary);
    }

    /** The boundary's real location, once for a whole context. */
    static Path realPath(Path boundary) {
        try {
            return boundary.toRealPath();
        } catch (IOException e) {
            throw new ConfigurationException("Python directory not found: " + boundary);
        }
    }

    /**
     * {@link #checkInside(Path, Path)} with the boundary's real location already known.
     *
     * @return where {@code path} really is
     */
    static Path checkInside(Path path, Path boundary, Path realBoundary) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(link(path, boundary) + " points to " + target(path, boundary)
                    + ", which does not exist: remove the link or create its target");
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read " + path + ": " + e.getMessage());
        }
        if (!real.startsWith(realBoundary)) {
            throw new ConfigurationException(link(path, boundary) + " points to " + target(path, boundary)
                    + ", outside the Python directory " + realBoundary
                    + ": its files would go into the image. Copy what you need into the directory, or remove the link");
        }
        return real;
    }

    /** The first symbolic link on the way from the boundary to {@code path}, as the user sees it. */
    private static Path firstLink(Path path, Path boundary) {
        Path base = boundary.toAbsolutePath().normalize();
        Path abs = path.toAbsolutePath().normalize();
        Path current = abs.startsWith(base) ? base : abs.getRoot();
        for (Path segment : current.relativize(abs)) {
            current = current.resolve(segment);
            if (Files.isSymbolicLink(current)) {
                return current;
            }
        }
        return abs;
    }

    private static String link(Path path, Path boundary) {
        Path link = firstLink(path, boundary);
        return Files.isSymbolicLink(link) ? "The symbolic link " + link : String.valueOf(link);
    }

    private static String target(Path path, Path boundary) {
        Path link = firstLink(path, boundary);
        try {
            return Files.isSymbolicLink(link) ? String.valueOf(Files.readSymbolicLink(link)) : String.valueOf(link);
        } catch (IOException e) {
            return "(unreadable)";
        }
    }
}
