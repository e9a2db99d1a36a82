package io.github.fastapidocker.build;

import io.github.fastapidocker.kernel.AtomicFiles;
import io.github.fastapidocker.kernel.BuildLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One run's Dockerfile and build context, written to the output directory. Writing them needs no
 * engine, so the build goal does it while the engine connection is still being opened. Closing
 * moves the context into place as {@value ImageBuilder#CONTEXT_TAR}, for the user to look at.
 */
public final class ContextTar implements AutoCloseable {
    private final BuildPlan plan;
    private final Path tar;
    private final long bytes;
    private final long startNanos;
    private final BuildLog log;

    private ContextTar(BuildPlan plan, Path tar, long bytes, long startNanos, BuildLog log) {
        this.plan = plan;
        this.tar = tar;
        this.bytes = bytes;
        this.startNanos = startNanos;
        this.log = log;
    }

    /** Writes the plan's Dockerfile (and what else it generated) and its build context. */
    public static ContextTar write(BuildPlan plan, Path outputDirectory, BuildLog log) {
        long start = System.nanoTime();
        ImageBuilder.writeDockerfile(plan, outputDirectory); // creates the directory
        // A context of this run's own, beside the one it replaces: another build in the same
        // checkout may be writing its own at the same time.
        Path tar;
        try {
            tar = AtomicFiles.newFile(outputDirectory, ".context-", ".tar");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the build context in " + outputDirectory, e);
        }
        try {
            long contextStart = System.nanoTime();
            long bytes = plan.context().writeTo(tar);
            if (log.isDebugEnabled()) {
                log.debug(String.format(
                        Locale.ROOT,
                        "timing: context %d bytes, %d entries in %d ms",
                        bytes,
                        plan.context().names().size(),
                        (System.nanoTime() - contextStart) / 1_000_000));
            }
            return new ContextTar(plan, tar, bytes, start, log);
        } catch (RuntimeException | Error e) {
            try {
                Files.deleteIfExists(tar);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    BuildPlan plan() {
        return plan;
    }

    Path tar() {
        return tar;
    }

    long bytes() {
        return bytes;
    }

    /** When writing began: a build's reported time includes the context. */
    long startNanos() {
        return startNanos;
    }

    @Override
    public void close() {
        try {
            AtomicFiles.moveIntoPlace(tar, tar.resolveSibling(ImageBuilder.CONTEXT_TAR));
        } catch (IOException e) {
            log.debug("Could not keep the build context as " + ImageBuilder.CONTEXT_TAR + ": " + e.getMessage());
        }
    }
}
