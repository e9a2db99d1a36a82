package io.github.fastapidocker.maven;

import io.github.fastapidocker.build.BuildPlan;
import io.github.fastapidocker.build.ImageBuilder;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes {@code target/fastapi-docker/Dockerfile} from the POM configuration, exactly as
 * {@code build} would build it, without contacting Docker.
 *
 * @since 0.1.0
 */
@Mojo(name = "dockerfile", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class DockerfileMojo extends AbstractProductionMojo {

    @Override
    protected void run() {
        BuildPlan plan = BuildPlan.of(projectSettings(), buildLog(), hints());
        Path file = ImageBuilder.writeDockerfile(plan, outputDirectory.toPath());
        getLog().info((plan.generated() ? "Wrote " : "Copied your Dockerfile to ") + file);
        plan.context().generated().keySet().stream()
                .filter(name -> !name.equals(BuildPlan.DOCKERFILE))
                .forEach(name -> getLog().info("Wrote "
                        + outputDirectory.toPath().resolve(name) + " (generated; the Dockerfile copies it)"));
    }
}
