package io.github.fastapidocker.smoke;

import io.github.fastapidocker.build.BuildRecord;
import io.github.fastapidocker.kernel.RecordingLog;
import io.github.fastapidocker.maven.MavenHints;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of the smoke classes share: a fake engine, a scripted HTTP prober answering as the
 * guide's app does, fixed loopback ports, a recording log, and settings for the guide's project.
 */
abstract class SmokeFixture {
    static final List<String> GUIDE_CMD = List.of("fastapi", "run", "app/main.py", "--port", "80");
    static final Probe ITEMS = new Probe("/items/5?q=somequery", null, null, "{\"item_id\": 5, \"q\": \"somequery\"}");
    static final Probe DOCS = new Probe("/docs", null, "Swagger UI", null);
    static final int FREE_PORT = 41234;

    @TempDir
    Path dir;

    final FakeEngine engine = new FakeEngine().withImage("sha256:built", "sha256:built");
    final Map<String, HttpProber.Answer> answers = new HashMap<>();
    final List<URI> requested = new ArrayList<>();
    final Set<Integer> portsInUse = new HashSet<>();

    final HttpProber http = (uri, timeout) -> {
        requested.add(uri);
        HttpProber.Answer answer =
                answers.get(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        if (answer == null) {
            throw new IOException("Connection refused");
        }
        return answer;
    };

    /** Where the probes go for an engine on a local socket. */
    static final ProbeHost LOCAL = ProbeHost.choose(null, "unix:///var/run/docker.sock");

    /** The addresses a free port was asked for, and the host:port pairs checked, in order. */
    final List<String> portsAsked = new ArrayList<>();

    final LoopbackPorts ports = new LoopbackPorts() {
        @Override
        public int free(String address) {
            portsAsked.add("free " + address);
            return FREE_PORT;
        }

        @Override
        public boolean inUse(String host, int port) {
            portsAsked.add("inUse " + host + ":" + port);
            return portsInUse.contains(port);
        }
    };

    final RecordingLog buildLog = new RecordingLog();
    final List<String> log = buildLog.lines;

    @BeforeEach
    void guideApp() {
        answers.put("/items/5?q=somequery", new HttpProber.Answer(200, "{\"item_id\":5,\"q\":\"somequery\"}"));
        answers.put("/docs", new HttpProber.Answer(200, "<title>FastAPI - Swagger UI</title>"));
        answers.put(
                "/openapi.json",
                new HttpProber.Answer(200, "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"FastAPI\"}}"));
        engine.logOnStop = "INFO:     Application shutdown complete.\n";
    }

    void recordBuild(List<String> command, int port) {
        new BuildRecord("sha256:built", "hello", List.of("1.0", "latest"), command, port, null).write(dir);
    }

    /** The guide's project: {@code hello:1.0} on port 80, a 5 s timeout, one variable. */
    SmokeSettings.Builder guideSettings() {
        return SmokeSettings.builder()
                .image("hello")
                .tag("1.0")
                .port(80)
                .outputDirectory(dir)
                .timeout(Duration.ofSeconds(5))
                .stopTimeoutSeconds(10)
                .project("io.example:hello")
                .projectDirectory(Path.of("/src/hello"))
                .env(Map.of("GREETING", "hi"));
    }

    SmokeSettings settings(SmokeNetwork network, List<Probe> probes, GracefulStop stop, Path dockerfile) {
        return guideSettings()
                .network(network)
                .probes(probes)
                .gracefulStop(stop)
                .userDockerfile(dockerfile)
                .build(MavenHints.INSTANCE);
    }

    SmokeSettings settings(SmokeNetwork network, List<Probe> probes) {
        return settings(network, probes, GracefulStop.FAIL, null);
    }

    SmokeRunner runner() {
        return new SmokeRunner(engine, http, buildLog, MavenHints.INSTANCE, ports);
    }
}
