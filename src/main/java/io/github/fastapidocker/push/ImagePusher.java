package io.github.fastapidocker.push;

import io.github.fastapidocker.auth.DockerConfigCredentialSource;
import io.github.fastapidocker.auth.RegistryCredentials;
import io.github.fastapidocker.build.BuildRecord;
import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.DockerEngine.ImageInfo;
import io.github.fastapidocker.docker.DockerEngine.RegistryAuth;
import io.github.fastapidocker.docker.EngineException;
import io.github.fastapidocker.docker.ImageReference;
import io.github.fastapidocker.docker.PushFailedException;
import io.github.fastapidocker.kernel.BuildLog;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import io.github.fastapidocker.push.PushReport.TagResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Pushes every tag of the built image to the registry its name gives: makes sure each tag names
 * the image {@code build} recorded, pushes tag by tag, retries what may pass (a registry that is
 * briefly away) but never a refused login or a registry the engine will not speak plain HTTP to,
 * and reports per tag the digest and how many layers went up or were already there (when the
 * engine tells: Podman does not).
 */
public final class ImagePusher {
    /** Waits between tries; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(d.toMillis());
    }

    private final DockerEngine engine;
    private final BuildLog log;
    private final Sleeper sleeper;
    private final Hints hints;
    private final LongSupplier nanoTime;
    private final PushFailures failures;

    public ImagePusher(DockerEngine engine, BuildLog log, Sleeper sleeper, Hints hints) {
        this(engine, log, sleeper, hints, System::nanoTime);
    }

    /** With a clock of its own, for the progress lines: tests pass one they move. */
    ImagePusher(DockerEngine engine, BuildLog log, Sleeper sleeper, Hints hints, LongSupplier nanoTime) {
        this.engine = engine;
        this.log = log;
        this.sleeper = sleeper;
        this.hints = hints;
        this.nanoTime = nanoTime;
        this.failures = new PushFailures(engine, hints);
    }

    /** What a push did. */
    public record Result(List<TagResult> tags, long millis) {}

    /**
     * Pushes every tag, retrying what may pass on a second try.
     *
     * @param settings already validated ({@link PushSettings#validate(Hints)})
     */
    public Result push(PushSettings settings, RegistryCredentials credentials) {
        long start = System.nanoTime();
        PushReport.delete(settings.outputDirectory());
        ImageReference image = settings.image();
        ensureTags(settings);

        String registry = image.registry();
        RegistryAuth auth = credentials.toAuth(DockerConfigCredentialSource.serverUrl(registry));
        log.info("Pushing " + image.name() + " (" + String.join(", ", settings.tags()) + ") to " + registry
                + "; credentials: " + credentials.describe());
        List<TagResult> results = new ArrayList<>();
        for (String tag : settings.tags()) {
            results.add(pushTag(settings, tag, auth, credentials));
        }
        PushReport.write(
                settings.outputDirectory(),
                image,
                results,
                engine.identity(),
                BuildRecord.read(settings.outputDirectory())
                        .map(BuildRecord::baseImages)
                        .orElse(List.of()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info(String.format(
                Locale.ROOT,
                "Pushed %d tag%s to %s in %.1f s",
                results.size(),
                results.size() == 1 ? "" : "s",
                registry,
                millis / 1000.0));
        return new Result(results, millis);
    }

    /** Every tag must name the image {@code build} recorded; a missing one is tagged from it. */
    private void ensureTags(PushSettings settings) {
        ImageReference image = settings.image();
        Optional<BuildRecord> record = BuildRecord.read(settings.outputDirectory());
        String recordFile =
                settings.outputDirectory().resolve(BuildRecord.FILE_NAME).toString();
        if (record.isPresent()) {
            String built = record.get().imageId();
            if (engine.inspectImage(built).isEmpty()) {
                throw new ConfigurationException("The image the build goal recorded in " + recordFile + " (" + built
                        + ") is no longer in the Docker engine at " + engine.host()
                        + ": build it again (" + hints.command(Hints.Step.BUILD) + ") before pushing");
            }
            for (String tag : settings.tags()) {
                String reference = image.withTag(tag);
                Optional<ImageInfo> local = engine.inspectImage(reference);
                if (local.isEmpty()) {
                    engine.tag(built, image.name(), tag);
                    log.info("Tagged " + reference + " from the built image " + DockerEngine.shortId(built));
                } else if (!local.get().id().equals(built)) {
                    engine.tag(built, image.name(), tag);
                    log.info("Tagged " + reference + " from the built image " + DockerEngine.shortId(built)
                            + " (it named " + DockerEngine.shortId(local.get().id()) + ")");
                }
            }
        } else {
            for (String tag : settings.tags()) {
                String reference = image.withTag(tag);
                if (engine.inspectImage(reference).isEmpty()) {
                    throw new ConfigurationException("Image " + reference + " is not in the Docker engine and no build"
                            + " is recorded (" + recordFile + " not found): run the build goal first ("
                            + hints.command(Hints.Step.BUILD) + "), or check " + hints.name(Setting.IMAGE) + " and "
                            + hints.name(Setting.TAGS));
                }
            }
            log.debug("No build record in " + recordFile + "; pushing the local tags as they are");
        }
    }

    /** {@code 1 layer uploaded, 5 already in the registry}, or that the engine did not tell. */
    private String layers(TagResult r) {
        if (!r.layersReported()) {
            // Podman sends no per-layer events: 0 and 0 would be a claim, not a count.
            return "layer counts not reported by the engine (" + engine.identity() + ")";
        }
        return String.format(
                Locale.ROOT,
                "%d layer%s uploaded, %d already in the registry",
                r.layersPushed(),
                r.layersPushed() == 1 ? "" : "s",
                r.layersExisting());
    }

    private TagResult pushTag(PushSettings settings, String tag, RegistryAuth auth, RegistryCredentials credentials) {
        ImageReference image = settings.image();
        String reference = image.withTag(tag);
        int attempts = settings.retries() + 1;
        for (int attempt = 1; ; attempt++) {
            LayerTally tally = new LayerTally();
            PushProgress progress = new PushProgress(log, nanoTime);
            long start = System.nanoTime();
            try {
                String digest = engine.push(image.name(), tag, auth, event -> {
                    tally.accept(event);
                    progress.accept(event);
                });
                long millis = (System.nanoTime() - start) / 1_000_000;
                TagResult result = tally.reported()
                        ? new TagResult(tag, reference, digest, tally.pushed(), tally.existing(), millis)
                        : new TagResult(tag, reference, digest, null, null, millis);
                log.info(String.format(
                        Locale.ROOT,
                        "  %s: digest %s, %s (%.1f s)",
                        reference,
                        digest,
                        layers(result),
                        millis / 1000.0));
                return result;
            } catch (PushFailedException e) {
                String message = credentials.redact(e.getMessage());
                if (!e.retriable() || attempt >= attempts) {
                    throw failures.of(e, image, reference, message, attempts, credentials);
                }
                Duration wait = settings.backoff(attempt);
                log.warn(String.format(
                        Locale.ROOT,
                        "Push of %s failed (attempt %d of %d): %s; retrying in %.1f s",
                        reference,
                        attempt,
                        attempts,
                        message,
                        wait.toMillis() / 1000.0));
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new EngineException("Interrupted while waiting to retry the push of " + reference);
                }
            }
        }
    }
}
