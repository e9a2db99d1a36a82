package io.github.fastapidocker.docker.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.NetworkSettings;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;
import io.github.fastapidocker.docker.BuildFailedException;
import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.EngineException;
import io.github.fastapidocker.docker.EngineLocation;
import io.github.fastapidocker.docker.EngineUnavailableException;
import io.github.fastapidocker.docker.PushFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/** {@link DockerEngine} over docker-java's Engine REST API client (classic builder, unversioned API). */
public final class DockerJavaEngine implements DockerEngine {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** For the answers we read as a JSON tree: no bean deserializers to build on first use. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerClient client;
    private final DockerHttpClient http;
    private final String host;
    private final String source;

    private DockerJavaEngine(DockerClient client, DockerHttpClient http, String host, String source) {
        this.client = client;
        this.http = http;
        this.host = host;
        this.source = source;
    }

    /**
     * Connects as the docker CLI would. No API version is pinned: unversioned paths work from
     * Engine 20.10 to current engines, a pinned old one breaks on Engine 29.
     */
    public static DockerJavaEngine connect(EngineLocation location) {
        quietHttpWireLogs();
        String source = location.source(System.getenv());
        DockerClientConfig config;
        try {
            DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
            if (location.explicitHost() != null && !location.explicitHost().isBlank()) {
                builder.withDockerHost(location.explicitHost().trim());
            }
            config = builder.build();
        } catch (RuntimeException e) {
            throw new EngineUnavailableException(
                    "Cannot configure the Docker engine connection (from " + source + "): " + e.getMessage() + ". "
                            + EngineLocation.HOW_TO_CHANGE,
                    e);
        }
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(isLocalSocket(config.getDockerHost()) ? PLAIN_SOCKET : config.getSSLConfig())
                .connectionTimeout(CONNECT_TIMEOUT)
                .maxConnections(16)
                .build();
        return new DockerJavaEngine(
                DockerClientImpl.getInstance(config, http),
                http,
                config.getDockerHost().toString(),
                source);
    }

    /** The loggers through which httpclient prints every request header and byte at DEBUG. */
    static final List<String> HTTP_WIRE_LOGGERS =
            List.of("org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire");

    /**
     * Maven's -X turns on DEBUG for every logger, and httpclient's header and wire logs would then
     * print X-Registry-Auth (the registry login, base64) and the whole build context. Maven's
     * logger reads a level per logger from system properties when the logger is created, that is,
     * at the first connection: so before it, keep those two at INFO unless the user set them.
     */
    static void quietHttpWireLogs() {
        for (String logger : HTTP_WIRE_LOGGERS) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "info");
            }
        }
    }

    /**
     * For a unix socket or named pipe: a TLS context that is never initialised. Without one the
     * transport sets up the JVM's default TLS stack, about 0.2-0.3 s in a fresh JVM (measured), for
     * a connection that never uses TLS.
     */
    private static final SSLConfig PLAIN_SOCKET = () -> SSLContext.getInstance("TLS");

    static boolean isLocalSocket(URI host) {
        return "unix".equals(host.getScheme()) || "npipe".equals(host.getScheme());
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public void ping() {
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new EngineUnavailableException(
                    "Cannot reach the Docker engine at " + host + " (from " + source + "): " + rootMessage(e) + ". "
                            + EngineLocation.HOW_TO_CHANGE,
                    e);
        }
    }

    @Override
    public String build(BuildRequest request, Consumer<String> output) {
        BuildCallback callback = new BuildCallback(output);
        try (InputStream tar = Files.newInputStream(request.contextTar())) {
            BuildImageCmd cmd = client.buildImageCmd(tar)
                    .withTags(new HashSet<>(request.tags()))
                    .withNoCache(request.noCache())
                    .withPull(request.pull())
                    .withRemove(true)
                    .withForcerm(true)
                    .withLabels(request.labels());
            request.buildArgs().forEach(cmd::withBuildArg);
            if (request.network() != null && !request.network().isBlank()) {
                cmd.withNetworkMode(request.network());
            }
            cmd.exec(callback).awaitCompletion();
        } catch (IOException e) {
            throw new EngineException(
                    "Cannot read the build context " + request.contextTar() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while building", e);
        } catch (DockerException e) {
            throw new BuildFailedException(engineMessage(e));
        } catch (RuntimeException e) {
            throw wrap("build", e);
        }
        if (callback.error != null) {
            throw new BuildFailedException(callback.error.strip());
        }
        if (callback.imageId == null) {
            throw new BuildFailedException("the engine ended the build without an image id");
        }
        return callback.imageId;
    }

    private static final class BuildCallback extends ResultCallback.Adapter<BuildResponseItem> {
        private final Consumer<String> output;
        volatile String imageId;
        volatile String error;

        BuildCallback(Consumer<String> output) {
            this.output = output;
        }

        @Override
        public void onNext(BuildResponseItem item) {
            if (item.getStream() != null) {
                output.accept(item.getStream());
            }
            if (item.isErrorIndicated()) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage()
                        : item.getError();
            }
            if (item.isBuildSuccessIndicated() && item.getImageId() != null) {
                imageId = item.getImageId().strip();
            }
        }
    }

    /**
     * The inspect and list calls read their answer as a JSON tree through docker-java's transport:
     * building docker-java's response beans costs about 0.1 s on first use in a fresh JVM (measured),
     * on the path of every build and smoke test, for the four fields we read.
     */
    private Optional<JsonNode> getJson(String path, String what) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path(path)
                .build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            int status = response.getStatusCode();
            if (status == 404) {
                return Optional.empty();
            }
            JsonNode body = JSON.readTree(response.getBody());
            if (status / 100 != 2) {
                String message = body != null && body.hasNonNull("message")
                        ? body.get("message").asText()
                        : "HTTP " + status;
                throw new EngineException("The engine refused to " + what + ": " + message);
            }
            return Optional.ofNullable(body);
        } catch (IOException e) {
            throw wrap(what, new UncheckedIOException(e));
        } catch (EngineException e) {
            throw e;
        } catch (RuntimeException e) {
            throw wrap(what, e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> result.add(n.asText()));
        }
        return List.copyOf(result);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public Optional<ImageInfo> inspectImage(String reference) {
        return getJson("/images/" + encode(reference) + "/json", "inspect image " + reference)
                .map(image -> new ImageInfo(
                        image.path("Id").asText(),
                        strings(image.get("RepoTags")),
                        image.path("Size").asLong(0),
                        strings(image.path("RootFS").get("Layers"))));
    }

    @Override
    public void tag(String imageId, String repository, String tag) {
        try {
            client.tagImageCmd(imageId, repository, tag).withForce(true).exec();
        } catch (RuntimeException e) {
            throw wrap("tag " + repository + ":" + tag, e);
        }
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        try {
            HostConfig hostConfig = HostConfig.newHostConfig().withInit(false);
            if (spec.network() != null) {
                hostConfig.withNetworkMode(spec.network());
            }
            CreateContainerCmd cmd = client.createContainerCmd(spec.image()).withLabels(spec.labels());
            if (spec.command() != null) {
                cmd.withCmd(spec.command());
            }
            if (spec.env() != null && !spec.env().isEmpty()) {
                List<String> env = new ArrayList<>();
                spec.env().forEach((k, v) -> env.add(k + "=" + v));
                cmd.withEnv(env);
            }
            if (spec.containerPort() != null && spec.hostPort() != null) {
                ExposedPort exposed = ExposedPort.tcp(spec.containerPort());
                Ports ports = new Ports();
                ports.bind(exposed, Ports.Binding.bindIpAndPort(spec.hostIp(), spec.hostPort()));
                cmd.withExposedPorts(exposed);
                hostConfig.withPortBindings(
                        new PortBinding(Ports.Binding.bindIpAndPort(spec.hostIp(), spec.hostPort()), exposed));
            }
            return cmd.withHostConfig(hostConfig).exec().getId();
        } catch (RuntimeException e) {
            throw wrap("create a container from " + spec.image(), e);
        }
    }

    @Override
    public void startContainer(String id) {
        try {
            client.startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            throw wrap("start container " + shortId(id), e);
        }
    }

    @Override
    public Optional<ContainerState> inspectContainer(String id) {
        return getJson("/containers/" + encode(id) + "/json", "inspect container " + shortId(id))
                .map(c -> c.path("State"))
                .map(state -> new ContainerState(
                        state.path("Running").asBoolean(false),
                        state.hasNonNull("ExitCode") ? state.get("ExitCode").asInt() : null,
                        state.path("OOMKilled").asBoolean(false),
                        state.path("Status").asText(null)));
    }

    @Override
    public Optional<Integer> publishedPort(String id, int containerPort) {
        try {
            NetworkSettings settings = client.inspectContainerCmd(id).exec().getNetworkSettings();
            if (settings == null || settings.getPorts() == null) {
                return Optional.empty();
            }
            Ports.Binding[] bindings = settings.getPorts().getBindings().get(ExposedPort.tcp(containerPort));
            if (bindings == null) {
                return Optional.empty();
            }
            for (Ports.Binding binding : bindings) {
                String spec = binding.getHostPortSpec();
                if (spec != null && spec.matches("[0-9]{1,5}")) {
                    return Optional.of(Integer.parseInt(spec));
                }
            }
            return Optional.empty();
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw wrap("inspect container " + shortId(id), e);
        }
    }

    @Override
    public String logs(String id, int tailLines) {
        StringBuilder out = new StringBuilder();
        AtomicReference<Throwable> error = new AtomicReference<>();
        try {
            client.logContainerCmd(id)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withTail(tailLines)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            synchronized (out) {
                                out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                            }
                        }

                        @Override
                        public void onError(Throwable throwable) {
                            // Kept for the caller instead of docker-java's own ERROR log with a stack
                            // trace (a container being removed refuses its logs with a 409).
                            error.compareAndSet(null, throwable);
                            try {
                                close();
                            } catch (IOException e) {
                                // Closing our own stream: nothing to report.
                            }
                        }
                    })
                    .awaitCompletion(10, TimeUnit.SECONDS);
            if (error.get() instanceof RuntimeException e) {
                throw e;
            }
        } catch (NotFoundException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            throw wrap("read the logs of container " + shortId(id), e);
        }
        synchronized (out) {
            return out.toString();
        }
    }

    @Override
    public void stopContainer(String id, int graceSeconds) {
        try {
            client.stopContainerCmd(id).withTimeout(graceSeconds).exec();
        } catch (NotModifiedException | NotFoundException e) {
            // Already stopped or gone: nothing to do.
        } catch (RuntimeException e) {
            throw wrap("stop container " + shortId(id), e);
        }
    }

    @Override
    public void removeContainer(String id) {
        try {
            client.removeContainerCmd(id)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
        } catch (NotFoundException e) {
            // Gone already.
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("already in progress")) {
                throw wrap("remove container " + shortId(id), e);
            }
        }
    }

    @Override
    public List<String> containersWithLabels(Map<String, String> labels) {
        ObjectNode filters = JSON.createObjectNode();
        ArrayNode wanted = filters.putArray("label");
        labels.forEach((k, v) -> wanted.add(k + "=" + v));
        List<String> ids = new ArrayList<>();
        getJson("/containers/json?all=1&filters=" + encode(filters.toString()), "list containers")
                .ifPresent(list -> list.forEach(c -> ids.add(c.path("Id").asText())));
        return ids;
    }

    @Override
    public String push(String repository, String tag, RegistryAuth auth, Consumer<PushEvent> progress) {
        PushCallback callback = new PushCallback(progress);
        try {
            // Always our own auth: left unset, docker-java fills in what it finds in the docker
            // config's plain "auths", so an "anonymous" push could carry someone else's login.
            AuthConfig config = new AuthConfig();
            if (auth != null) {
                config.withRegistryAddress(auth.serverAddress());
                if (auth.identityToken() != null) {
                    config.withIdentityToken(auth.identityToken());
                } else {
                    config.withUsername(auth.username()).withPassword(auth.password());
                }
            }
            client.pushImageCmd(repository)
                    .withTag(tag)
                    .withAuthConfig(config)
                    .exec(callback)
                    .awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while pushing", e);
        } catch (DockerException e) {
            String message = engineMessage(e);
            throw new PushFailedException(message, isUnauthorized(message));
        } catch (RuntimeException e) {
            if (e.getMessage() != null && isUnauthorized(e.getMessage())) {
                throw new PushFailedException(e.getMessage(), true);
            }
            throw wrap("push " + repository + ":" + tag, e);
        }
        if (callback.error != null) {
            throw new PushFailedException(callback.error, isUnauthorized(callback.error));
        }
        if (callback.digest == null) {
            throw new PushFailedException("the registry reported no digest for " + repository + ":" + tag, false);
        }
        return callback.digest;
    }

    /**
     * Whether the registry refused the login or the access: retrying cannot help. Distribution
     * says "unauthorized: authentication required", the engine "no basic auth credentials",
     * Docker Hub "denied: requested access to the resource is denied".
     */
    static boolean isUnauthorized(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("unauthorized")
                || m.contains("authentication required")
                || UNAUTHORIZED_STATUS.matcher(m).find()
                || m.contains("no basic auth credentials")
                || m.contains("denied");
    }

    /** HTTP 401 as a word, not as part of a port or digest. */
    private static final Pattern UNAUTHORIZED_STATUS = Pattern.compile("(?<![\\w:.])401(?![\\w:.])");

    private static final class PushCallback extends ResultCallback.Adapter<PushResponseItem> {
        private final Consumer<PushEvent> progress;
        volatile String digest;
        volatile String error;

        PushCallback(Consumer<PushEvent> progress) {
            this.progress = progress;
        }

        @Override
        public void onNext(PushResponseItem item) {
            // Errors come inside an HTTP 200 stream: the call itself "succeeds".
            if (item.isErrorIndicated()) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage()
                        : item.getError();
            }
            if (item.getAux() != null && item.getAux().getDigest() != null) {
                digest = item.getAux().getDigest();
            }
            if (item.getStatus() != null) {
                progress.accept(new PushEvent(item.getId(), item.getStatus()));
            }
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // Closing a client we are done with: nothing to report.
        }
    }

    private EngineException wrap(String what, RuntimeException e) {
        if (e instanceof DockerException d) {
            return new EngineException("The engine refused to " + what + ": " + engineMessage(d), e);
        }
        String message = rootMessage(e);
        return new EngineUnavailableException(
                "Cannot " + what + " on the Docker engine at " + host + " (from " + source + "): " + message + ". "
                        + EngineLocation.HOW_TO_CHANGE,
                e);
    }

    /** The engine's JSON error body says {"message":"..."}: keep just the message. */
    static String engineMessage(DockerException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int at = message.indexOf("{\"message\":\"");
        if (at >= 0) {
            int end = message.indexOf("\"}", at);
            if (end > at) {
                return message.substring(at + 12, end).replace("\\\"", "\"");
            }
        }
        return message.strip();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return t == e ? message : message + " (" + t.getClass().getSimpleName() + ")";
    }

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
