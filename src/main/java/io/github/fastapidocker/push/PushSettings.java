package io.github.fastapidocker.push;

import io.github.fastapidocker.docker.ImageReference;
import io.github.fastapidocker.docker.InvalidReferenceException;
import io.github.fastapidocker.kernel.ConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to push; plain values, validated by {@link #validate()}.
 *
 * @param image the image name; its registry is where the push goes
 * @param tags every tag to push (at least one)
 * @param retries how often a transient failure is retried per tag (0-10)
 * @param firstBackoff the wait before the first retry; it doubles for each further one
 * @param outputDirectory where the build record is read and {@code push.json} written
 */
public record PushSettings(
        ImageReference image, List<String> tags, int retries, Duration firstBackoff, Path outputDirectory) {
    public static final int MAX_RETRIES = 10;
    /** The longest single wait between tries. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    public PushSettings validate() {
        if (tags == null || tags.isEmpty()) {
            throw new ConfigurationException("<tags> must name at least one tag");
        }
        tags.forEach(PushSettings::validateTag);
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new ConfigurationException(
                    "<pushRetries> (fastapi.push.retries) must be 0-" + MAX_RETRIES + ", was " + retries);
        }
        return this;
    }

    /** The wait before retry number {@code retry} (1-based): first, doubled each time, capped. */
    public Duration backoff(int retry) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(retry - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private static void validateTag(String tag) {
        try {
            ImageReference.validateTag(tag, "tags");
        } catch (InvalidReferenceException e) {
            throw new ConfigurationException("<tags> " + e.problem());
        }
    }
}
