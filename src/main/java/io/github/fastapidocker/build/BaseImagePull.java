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
    /** "FROM [--platform=...] IMAGE [AS name]", the instruction of a step ({@link BuildOutput#instruction}). */
    private static final Pattern FROM = Pattern.compile("^FROM\\s+(?:--\\S+\\s+)*(\\S+).*$", Pattern.CASE_INSENSITIVE);

    private BaseImagePull() {}

    /** The base image the step pulls, when the step is a {@code FROM}. */
    static Optional<String> baseImage(String step) {
        return BuildOutput.instruction(step)
                .map(FROM::matcher)
                .filter(Matcher::matches)
                .map(from -> from.group(1));
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
