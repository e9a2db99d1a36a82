package io.github.fastapidocker.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.build.BuildSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.codehaus.plexus.util.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine here is an address where nothing listens: a goal that skips must not notice, one that
 * runs must fail on it, and validation must come first.
 */
@MojoTest
class BuildMojoTest {
    private static final String SEED = "src/test/resources/unit/seed";
    private static final String NO_ENGINE = "tcp://127.0.0.1:9";

    @AfterEach
    void clean() throws Exception {
        FileUtils.deleteDirectory(Path.of(SEED, "target").toFile());
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "build", pom = "pom.xml")
    @MojoParameter(name = "dockerHost", value = NO_ENGINE)
    void runsAndFailsOnTheMissingEngineNamingIt(BuildMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Cannot reach the Docker engine at " + NO_ENGINE), e.getMessage());
        assertTrue(e.getMessage().contains("-Dfastapi.dockerHost="), e.getMessage());
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "build", pom = "pom.xml")
    @MojoParameter(name = "dockerHost", value = NO_ENGINE)
    @MojoParameter(name = "skip", value = "true")
    void globalSkipSkips(BuildMojo mojo) throws Exception {
        mojo.execute();
        assertFalse(Files.exists(mojo.outputDirectory.toPath()));
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "build", pom = "pom.xml")
    @MojoParameter(name = "dockerHost", value = NO_ENGINE)
    @MojoParameter(name = "skipBuild", value = "true")
    void buildSkipSkips(BuildMojo mojo) throws Exception {
        mojo.execute();
        assertFalse(Files.exists(mojo.outputDirectory.toPath()));
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "build", pom = "pom.xml")
    @MojoParameter(name = "dockerHost", value = NO_ENGINE)
    @MojoParameter(name = "port", value = "70000")
    void validationComesBeforeTheEngine(BuildMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("<port> (fastapi.port) must be 1-65535, was 70000", e.getMessage());
    }

    /** A bad image name is the user's mistake: a failure with the message, not an escaped exception. */
    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "build", pom = "pom.xml")
    @MojoParameter(name = "dockerHost", value = NO_ENGINE)
    @MojoParameter(name = "image", value = "Bad/Name")
    void aBadImageNameIsAFailureNamingTheSetting(BuildMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(
                e.getMessage().startsWith("<image> (fastapi.image) is not a valid image name: 'Bad/Name'"),
                e.getMessage());
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "build", pom = "pom.xml")
    @MojoParameter(name = "dockerHost", value = NO_ENGINE)
    @MojoParameter(name = "image", value = "team/app:1.0")
    void aTagInTheImageNameSaysWhereTagsGo(BuildMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(
                "<image> (fastapi.image) must be an image name without tag or digest (put tags in <tags>"
                        + " (fastapi.tags)), was 'team/app:1.0'",
                e.getMessage());
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "build", pom = "pom.xml")
    @MojoParameter(name = "tags", value = "1.0,latest")
    @MojoParameter(name = "buildNetwork", value = "host")
    @MojoParameter(name = "noCache", value = "true")
    @MojoParameter(name = "pull", value = "true")
    void parametersReachTheBuildSettings(BuildMojo mojo) {
        mojo.buildArgs = Map.of("HTTP_PROXY", "http://127.0.0.1:3128");
        BuildSettings settings = mojo.buildSettings();
        assertEquals("team/seed", settings.image().name());
        assertEquals(List.of("1.0", "latest"), settings.tags());
        assertEquals(List.of("team/seed:1.0", "team/seed:latest"), settings.references());
        assertEquals("host", settings.network());
        assertTrue(settings.noCache());
        assertTrue(settings.pull());
        assertEquals(Map.of("HTTP_PROXY", "http://127.0.0.1:3128"), settings.buildArgs());
        assertEquals(mojo.outputDirectory.toPath(), settings.outputDirectory());
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "build", pom = "pom.xml")
    void ociLabelsComeFromThePomAndUserLabelsWin(BuildMojo mojo) {
        mojo.project.setName("Seed service");
        mojo.project.setVersion("2.3.4");
        mojo.project.setDescription("A seed");
        mojo.labels = Map.of("team", "platform", "org.opencontainers.image.version", "override");
        Map<String, String> labels = mojo.effectiveLabels();
        assertEquals("Seed service", labels.get("org.opencontainers.image.title"));
        assertEquals("override", labels.get("org.opencontainers.image.version"));
        assertEquals("A seed", labels.get("org.opencontainers.image.description"));
        assertEquals("platform", labels.get("team"));
        assertFalse(
                labels.keySet().stream().anyMatch(k -> k.contains("created")), "no build time: reproducible images");
    }
}
