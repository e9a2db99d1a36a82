package io.github.fastapidocker.smoke;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels on every smoke-test container: they mark it as ours and name its project; with its
 * {@link SmokeOwner} they tell what an earlier, killed build left behind.
 */
public final class SmokeLabels {
    /** {@code true} on every smoke-test container. */
    public static final String SMOKE = "io.github.fastapidocker.smoke";
    /** The project, {@code groupId:artifactId}. */
    public static final String PROJECT = "io.github.fastapidocker.project";
    /** The project's absolute directory, so another checkout of the same project is left alone. */
    public static final String DIRECTORY = "io.github.fastapidocker.directory";
    /** A random id of the run. */
    public static final String RUN = "io.github.fastapidocker.run";

    private SmokeLabels() {}

    /** The labels every smoke container of this project in this directory carries, in order. */
    static Map<String, String> ofProject(SmokeSettings settings) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(SMOKE, "true");
        labels.put(PROJECT, settings.project());
        labels.put(
                DIRECTORY,
                settings.projectDirectory().toAbsolutePath().normalize().toString());
        return labels;
    }
}
