package io.github.fastapidocker.build;

import io.github.fastapidocker.kernel.BuildLog;
import java.util.List;
import java.util.Locale;

/** The INFO lines that end a build. */
final class BuildSummary {
    private final BuildLog log;

    BuildSummary(BuildLog log) {
        this.log = log;
    }

    /**
     * The summary: the image and its tags, size and cache use, each step, and the base images it
     * was built on.
     */
    void log(ImageBuilder.Result r, boolean upToDate, List<BaseImage> bases) {
        if (!upToDate) {
            log.info("Built image " + r.imageId());
        }
        for (String reference : r.references()) {
            log.info("  tagged " + reference);
        }
        String work = upToDate
                ? "up to date (nothing built)"
                : String.format(
                        Locale.ROOT,
                        "%d of %d steps from cache",
                        r.cachedSteps().size(),
                        r.steps().size());
        log.info(String.format(
                Locale.ROOT,
                "  size %.1f MB, context %d bytes, %s, %.1f s",
                r.size() / 1e6,
                r.contextBytes(),
                work,
                r.millis() / 1000.0));
        for (String step : r.steps()) {
            log.info("  "
                    + (r.cachedSteps().contains(step) ? "cached  " : step.startsWith("FROM") ? "base    " : "built   ")
                    + step);
        }
        for (BaseImage base : bases) {
            log.info("  base image " + base.name() + ": "
                    + (base.digest() != null
                            ? base.digest()
                            : base.id() + " (no repo digest: built or imported on this engine)"));
        }
    }
}
