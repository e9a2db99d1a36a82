package io.github.fastapidocker.build;

import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A build that failed at a {@code FROM} step: the classic builder pulls the base image there, so
 * the failure is that the engine could not pull it (a wrong name or tag, a private image, no
 * network). Told by the step the build stopped at, not by the engine's words.
 */
final class BaseImagePull {
    /** "Step 1/5 : FROM [--platform=...] IMAGE [AS name]". */
    private static final Pattern FROM_STEP =
            Pattern.compile("^Step \\d+/\\d+ : FROM\\s+(?:--\\S+\\s+)*(\\S+).*$", Pattern.CASE_INSENSITIVE);

    private BaseImagePull() {}

    /** The base image the step pulls, when the step is a {@code FROM}. */
    static Optional<String> baseImage(String step) {
        if (step == null) {
            return Optional.empty();
        }
        Matcher from = FROM_STEP.matcher(step.strip());
        return from.matches() ? Optional.of(from.group(1)) : Optional.empty();
    }

    /**
     * The message for a build that failed at {@code step}, if it was a {@code FROM}: names the base
     * image, says the engine could not pull it, and how to choose another.
     *
     * @param generated whether the Dockerfile is ours (its base image is a setting) or the user's
     */
    static Optional<String> message(String step, String engineMessage, boolean generated, Hints hints) {
        String another = generated
                ? "set another base image with " + hints.name(Setting.BASE_IMAGE)
                : "change the FROM line of your Dockerfile (" + hints.name(Setting.DOCKERFILE) + ")";
        return baseImage(step)
                .map(image -> "Image build failed at " + step.strip() + ": the engine could not pull the base image "
                        + image + ": " + engineMessage + ". Check its name and tag, the registry login and the"
                        + " network, or " + another);
    }
}
