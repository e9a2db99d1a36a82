package io.github.fastapidocker.build;

import io.github.fastapidocker.docker.ImageReference;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to build the planned image; plain values, validated by {@link #validate(Hints)}.
 *
 * @param image the image name without tag
 * @param tags every tag to apply (at least one)
 * @param buildArgs {@code --build-arg} values
 * @param network the network for RUN steps, or {@code null} for the engine's default
 * @param noCache build without the layer cache
 * @param pull always try to pull a newer base image
 * @param outputDirectory where the Dockerfile, context and record are written
 * @param secretBuildArgs build arguments that carry a login (a package index URL with it): sent to
 *     the engine with the others, never logged, written or fingerprinted
 */
public record BuildSettings(
        ImageReference image,
        List<String> tags,
        Map<String, String> buildArgs,
        String network,
        boolean noCache,
        boolean pull,
        Path outputDirectory,
        Map<String, String> secretBuildArgs) {

    /** Without secret build arguments. */
    public BuildSettings(
            ImageReference image,
            List<String> tags,
            Map<String, String> buildArgs,
            String network,
            boolean noCache,
            boolean pull,
            Path outputDirectory) {
        this(image, tags, buildArgs, network, noCache, pull, outputDirectory, Map.of());
    }

    /** What the engine gets: the build arguments, and the secret ones over them. */
    public Map<String, String> engineBuildArgs() {
        Map<String, String> all = new java.util.TreeMap<>(buildArgs);
        all.putAll(secretBuildArgs);
        return all;
    }

    /** Never shows the secret build arguments' values. */
    @Override
    public String toString() {
        return "BuildSettings[" + image + ", tags " + tags + ", buildArgs " + buildArgs.keySet() + ", secret "
                + secretBuildArgs.keySet() + "]";
    }

    /** Checks the values before anything is contacted; messages name the settings through {@code hints}. */
    public BuildSettings validate(Hints hints) {
        if (tags == null || tags.isEmpty()) {
            throw new ConfigurationException(hints.name(Setting.TAGS) + " must name at least one tag");
        }
        tags.forEach(t -> ImageTags.validate(t, hints));
        buildArgs.keySet().forEach(k -> {
            if (k == null || k.isBlank() || k.chars().anyMatch(Character::isWhitespace)) {
                throw new ConfigurationException(hints.name(Setting.BUILD_ARGS) + " has an invalid name '" + k + "'");
            }
        });
        return this;
    }

    /** {@code name:tag} for each tag. */
    public List<String> references() {
        return tags.stream().map(image::withTag).toList();
    }
}
