package io.github.fastapidocker.maven;

import java.util.Optional;
import org.apache.maven.project.MavenProject;

/**
 * What this Maven run's {@code build} goal found on the engine for a project (the image it built
 * or found up to date, and that engine's address), for the goals after it in the same run. Kept
 * in the project's context as text, which any version of the plugin in the run can read.
 *
 * @param imageId the image the build goal verified on the engine
 * @param engineHost the address of that engine
 * @param dockerHost how the build goal was told the engine ({@code <dockerHost>}), {@code null} when not
 */
record BuiltThisRun(String imageId, String engineHost, String dockerHost) {
    static final String KEY = "io.github.fastapidocker.builtThisRun";

    void remember(MavenProject project) {
        project.setContextValue(KEY, imageId + "\n" + engineHost + "\n" + (dockerHost == null ? "" : dockerHost));
    }

    /**
     * What the build goal found, when a later goal names the engine as it did ({@code dockerHost}
     * the same, the environment being the same run's): then it is the same engine.
     */
    static Optional<BuiltThisRun> recall(MavenProject project, String dockerHost) {
        if (!(project.getContextValue(KEY) instanceof String text)) {
            return Optional.empty();
        }
        String[] parts = text.split("\n", -1);
        String named = dockerHost == null ? "" : dockerHost;
        return parts.length == 3 && parts[2].equals(named)
                ? Optional.of(new BuiltThisRun(parts[0], parts[1], dockerHost))
                : Optional.empty();
    }
}
