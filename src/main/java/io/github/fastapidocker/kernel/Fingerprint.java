package io.github.fastapidocker.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A SHA-256 over everything that decides a step's result, kept beside the result so that the
 * next run can tell "nothing changed" without doing the work again.
 */
public final class Fingerprint {
    private final MessageDigest digest;

    public Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Adds a named value; names keep "a"+"bc" apart from "ab"+"c". */
    public Fingerprint add(String name, Object value) {
        digest.update((name + "=" + value + "\u0000").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Fingerprint addFile(String name, Path file) {
        add(name, "file");
        byte[] buffer = new byte[65536];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * What a step recorded: the id of its result and the fingerprint it was made from.
     *
     * @param id the image id
     * @param fingerprint the fingerprint
     */
    public record Recorded(String id, String fingerprint) {

        public void write(Path file) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                AtomicFiles.writeString(file, id + "\n" + fingerprint + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
        }

        /** Empty when absent or unreadable: then the step simply runs. */
        public static Optional<Recorded> read(Path file) {
            try {
                String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
                return lines.length >= 2
                        ? Optional.of(new Recorded(lines[0].strip(), lines[1].strip()))
                        : Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        public static void delete(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete " + file, e);
            }
        }
    }
}
