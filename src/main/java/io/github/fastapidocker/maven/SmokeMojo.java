package io.github.fastapidocker.maven;

import io.github.fastapidocker.build.ImageTags;
import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.smoke.GracefulStop;
import io.github.fastapidocker.smoke.Probe;
import io.github.fastapidocker.smoke.SmokeNetwork;
import io.github.fastapidocker.smoke.SmokeRunner;
import io.github.fastapidocker.smoke.SmokeSettings;
import io.github.fastapidocker.smoke.UrlConnectionProber;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the built image as a container and checks it the way FastAPI's guide does: waits until it
 * answers, GETs each probe ({@code /docs} and {@code /openapi.json} by default), stops it with
 * SIGTERM and checks that it shut down gracefully, and removes it whatever happens. Writes
 * {@code target/fastapi-docker/smoke.json}. List it after {@code build}, in the same phase.
 *
 * @since 0.1.0
 */
@Mojo(name = "smoke", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class SmokeMojo extends AbstractImageMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SMOKE_SKIP, defaultValue = "false")
    protected boolean skipSmoke;

    /**
     * Maven's switch to skip tests ({@code -DskipTests}); the smoke test is a test, so it skips too.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SKIP_TESTS, defaultValue = "false")
    protected boolean skipTests;

    /**
     * The port the server listens on inside the container, when {@code build} recorded none (an
     * image built elsewhere), 1-65535.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PORT, defaultValue = "80")
    protected int port;

    /**
     * Your own Dockerfile, if the image was built from one: a stop that is not graceful is then
     * explained from its CMD (a shell-form CMD never passes SIGTERM on).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DOCKERFILE)
    protected File dockerfile;

    /**
     * How the container is reached: {@code bridge} publishes its port on a free port of 127.0.0.1;
     * {@code host} shares the host's network and runs the server on a free loopback port in place of
     * {@code port} (for engines without a bridge network and some CI runners; with your own
     * Dockerfile the image's own command and {@code port} are used). On a remote engine both are on
     * the engine's host: see {@code smokeHost}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SMOKE_NETWORK, defaultValue = "bridge")
    protected String smokeNetwork;

    /**
     * Where the probes go: a host name, an IPv4 address or an IPv6 address (with or without
     * brackets), without scheme, port or path. Default: for an engine reached over TCP
     * ({@code DOCKER_HOST=tcp://docker:2375} of GitLab's Docker-in-Docker service, a build host over
     * TLS, a docker context), the host of its address, where its published ports and its host network
     * are; for a local socket, 127.0.0.1. Set it when that host reaches the engine's ports under
     * another name, as Testcontainers' {@code TESTCONTAINERS_HOST_OVERRIDE} does. A loopback address
     * keeps the server and its port on that address; any other host is reached from outside, so the
     * port is published on (and a generated server listens on) every interface of the engine's host.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SMOKE_HOST)
    protected String smokeHost;

    /**
     * Seconds the server may take to answer the first probe. A container that exits before fails at
     * once with its log.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SMOKE_TIMEOUT, defaultValue = "60")
    protected int smokeTimeout;

    /**
     * Seconds between SIGTERM and the kill when the container is stopped (Docker's default is 10).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SMOKE_STOP_TIMEOUT, defaultValue = "10")
    protected int stopTimeout;

    /**
     * What a stop that is not graceful (killed after {@code stopTimeout}, or a non-zero exit) does:
     * {@code fail} the build, {@code warn}, or {@code off} (the container is removed at once and
     * nothing is checked).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SMOKE_GRACEFUL_STOP, defaultValue = "fail")
    protected String gracefulStop;

    /**
     * Runs the smoke test even when this very image (same id) already passed it with the same
     * settings. By default such a run is skipped: the same bytes under the same checks give the
     * same verdict, and an unchanged {@code mvn package} should not pay for it twice.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SMOKE_FORCE, defaultValue = "false")
    protected boolean forceSmoke;

    /**
     * The HTTP checks, each {@code <probe><path>/items/5?q=somequery</path><status>200</status>
     * <contains>text</contains><json>{"item_id": 5}</json></probe>}: a GET of {@code path} that must
     * answer {@code status} (default 200), with a body containing {@code contains} and equal as JSON
     * (whitespace and key order do not matter) to {@code json}, when set. The first probe also tells
     * when the server is ready. Default: {@code /docs} (Swagger UI) and {@code /openapi.json} (a JSON
     * document with an {@code openapi} field).
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<ProbeParameters> probes;

    /**
     * Environment variables for the smoke-test container, as {@code <NAME>value</NAME>}, for an app
     * that needs settings to start. Not for secrets: Maven's {@code -X} prints the whole
     * configuration of every goal, values included; pass those with {@code smokePassEnv}.
     *
     * @since 0.1.0
     */
    @Parameter
    protected SmokeEnvironment smokeEnv;

    /**
     * Names of environment variables of the build itself that the smoke-test container gets too,
     * as {@code <name>DB_PASSWORD</name>}, like {@code docker run -e DB_PASSWORD}: the value never
     * appears in the POM or in the Maven log, even with {@code -X}. A name that is not set in the
     * build's environment fails the goal.
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<String> smokePassEnv;

    @Override
    protected Optional<String> skippedBy() {
        if (skipSmoke) {
            return Optional.of(PropertyNames.SMOKE_SKIP);
        }
        return skipTests ? Optional.of(PropertyNames.SKIP_TESTS) : Optional.empty();
    }

    /** The plain smoke settings, validated: a wrong one fails before the engine is contacted. */
    SmokeSettings smokeSettings() {
        String name = ImageTags.reference(image, hints()).name();
        List<String> tagList = ImageTags.parse(tags);
        List<Probe> probeList = new ArrayList<>();
        if (probes != null) {
            probes.forEach(p -> probeList.add(p.toProbe()));
        }
        var hints = hints();
        return SmokeSettings.builder()
                .image(name)
                .tag(tagList.isEmpty() ? null : tagList.get(0))
                .port(port)
                .outputDirectory(outputDirectory.toPath())
                .network(SmokeNetwork.parse(smokeNetwork, hints))
                .host(smokeHost)
                .probes(probeList)
                .timeout(Duration.ofSeconds(smokeTimeout))
                .stopTimeoutSeconds(stopTimeout)
                .gracefulStop(GracefulStop.parse(gracefulStop, hints))
                .project(project.getGroupId() + ":" + project.getArtifactId())
                .projectDirectory(project.getBasedir().toPath())
                .env(environment(System.getenv()))
                .userDockerfile(dockerfile == null ? null : dockerfile.toPath())
                .build(hints);
    }

    /** The container's variables: {@code <smokeEnv>}, then those {@code <smokePassEnv>} names. */
    Map<String, String> environment(Map<String, String> buildEnvironment) {
        return SmokeEnvironment.merge(smokeEnv, smokePassEnv, buildEnvironment);
    }

    @Override
    protected void run() {
        SmokeSettings settings = smokeSettings();
        if (!forceSmoke) {
            Optional<BuiltThisRun> built = BuiltThisRun.recall(project, blankToNull(dockerHost));
            if (built.isPresent()
                    && SmokeRunner.passedAsBuilt(
                            settings, built.get().imageId(), built.get().engineHost(), buildLog(), hints())) {
                return;
            }
        }
        try (DockerEngine engine = EngineConnection.open(dockerHost, engineTimeout, getLog())) {
            SmokeRunner smoke = new SmokeRunner(engine, UrlConnectionProber.create(), buildLog(), hints());
            if (forceSmoke) {
                smoke.run(settings);
            } else {
                smoke.runUnlessPassed(settings);
            }
        }
    }
}
