package io.github.fastapidocker.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Files another run may read while this one writes them (two builds in one checkout, a pipeline
 * reading a report): each is written beside its place under a name of its own and moved into
 * place in one step, so a reader sees the old file or the new one, never half of one.
 */
public final class AtomicFiles {
    /** Numbers this process's new files; with its pid and the clock, their names do not repeat. */
    private static final AtomicLong FILES = new AtomicLong();

    /** How often a name already taken is replaced by the next before giving up. */
    static final int NAME_ATTEMPTS = 100;

    private AtomicFiles() {}

    /** What writes the content. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes {@code text} (UTF-8) to {@code file} atomically. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes to {@code file} atomically; the parent directory is created. */
    public static void write(Path file, Writer writer) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = newFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            moveIntoPlace(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A new empty file in {@code dir}, as {@link Files#createTempFile(Path, String, String,
     * FileAttribute[])} makes one (only the owner may read and write it, on a file system with
     * POSIX permissions; a name nobody else has, made sure of by creating it exclusively) but
     * named from this process's pid, a counter and the clock. That method names its files from a
     * {@code SecureRandom}, whose seeding costs about 15 ms of a fresh JVM (measured in Maven)
     * for a name that only has to be new in a directory of our own.
     */
    public static Path newFile(Path dir, String prefix, String suffix) throws IOException {
        FileAttribute<?>[] ownerOnly =
                dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                        ? new FileAttribute<?>[] {
                            PosixFilePermissions.asFileAttribute(
                                    EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))
                        }
                        : new FileAttribute<?>[0];
        String process = prefix + ProcessHandle.current().pid() + "-";
        for (int attempt = 1; ; attempt++) {
            Path candidate =
                    dir.resolve(process + FILES.incrementAndGet() + "-" + Long.toHexString(System.nanoTime()) + suffix);
            try {
                return Files.createFile(candidate, ownerOnly);
            } catch (FileAlreadyExistsException e) {
                if (attempt == NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Moves a finished file into place in one step (a plain replace where the file system cannot). */
    public static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
