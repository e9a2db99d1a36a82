package io.github.fastapidocker.build;

import io.github.fastapidocker.docker.EngineIdentity;
import io.github.fastapidocker.kernel.BuildLog;
import java.util.List;
import java.util.Locale;

/** The INFO lines after a build: the image, its tags, what it cost, each step, the engine and the base images. */
final class BuildSummary {
    private final BuildLog log;

    BuildSummary(BuildLog log) {
        this.log = log;
    }

    /**
     * @param upToDate whether nothing was built (the last build still stands)
     * @param engine which engine built it, said once per build
     * @param host where that engine was reached
     * @param bases the base images it was built on
     */
    void print(ImageBuilder.Result r, boolean upToDate, EngineIdentity engine, String host, List<BaseImage> bases) {
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
        log.info("  engine " + engine + " at " + host);
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
