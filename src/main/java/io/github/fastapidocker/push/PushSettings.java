package io.github.fastapidocker.push;

import io.github.fastapidocker.build.ImageTags;
import io.github.fastapidocker.docker.ImageReference;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to push; plain values, validated by {@link #validate(Hints)}.
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

    /** Checks the values before anything is contacted; messages name the settings through {@code hints}. */
    public PushSettings validate(Hints hints) {
        if (tags == null || tags.isEmpty()) {
            throw new ConfigurationException(hints.name(Setting.TAGS) + " must name at least one tag");
        }
        tags.forEach(t -> ImageTags.validate(t, hints));
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new ConfigurationException(
                    hints.name(Setting.PUSH_RETRIES) + " must be 0-" + MAX_RETRIES + ", was " + retries);
        }
        return this;
    }

    /** The wait before retry number {@code retry} (1-based): first, doubled each time, capped. */
    public Duration backoff(int retry) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(retry - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
