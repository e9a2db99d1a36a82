package io.github.fastapidocker.docker;

import java.io.Closeable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The few engine operations the plugin needs, in our own terms. The core talks only to this; the
 * docker-java adapter implements it, and unit tests of the core use a fake.
 */
public interface DockerEngine extends Closeable {

    /** Where this engine was reached (for messages). */
    String host();

    /** Fails with {@link EngineUnavailableException} when the engine does not answer. */
    void ping();

    /**
     * Which engine answered ({@code Podman Engine 4.3.1, API 1.41}). After {@link #ping()} this
     * costs nothing for Docker and Podman (their ping says it); other engines are asked once.
     * {@link EngineIdentity#UNKNOWN} when the engine does not say; never fails.
     */
    EngineIdentity identity();

    /**
     * Builds an image with the classic builder.
     *
     * @param request what to build
     * @param output the build's output, chunk by chunk, as the engine streams it
     * @return the image id
     * @throws BuildFailedException when a step fails (the message is the engine's)
     */
    String build(BuildRequest request, Consumer<String> output);

    /** The image with this id or reference, if the engine has it. */
    Optional<ImageInfo> inspectImage(String reference);

    /** Tags an image: {@code repository:tag} then names {@code imageId}. */
    void tag(String imageId, String repository, String tag);

    /** Creates a container (not started); returns its id. */
    String createContainer(ContainerSpec spec);

    void startContainer(String id);

    /** The container's state, or empty when it no longer exists. */
    Optional<ContainerState> inspectContainer(String id);

    /**
     * The host port the engine bound for the container's TCP {@code containerPort}, or empty when it
     * published none (for example an engine started with {@code --bridge=none} silently drops the
     * binding). Engines that cannot tell throw {@link UnsupportedOperationException}.
     */
    default Optional<Integer> publishedPort(String id, int containerPort) {
        throw new UnsupportedOperationException("publishedPort");
    }

    /**
     * Runs {@code command} in the running container, as the container's own user, and waits for it
     * to end. Engines that cannot throw {@link UnsupportedOperationException}.
     *
     * @return its exit code and its output (stdout and stderr)
     * @throws EngineException when the engine refuses (409: the container is not running)
     */
    default ExecResult exec(String id, List<String> command) {
        throw new UnsupportedOperationException("exec");
    }

    /** The last {@code tailLines} lines of the container's output (stdout and stderr). */
    String logs(String id, int tailLines);

    /** Sends SIGTERM, waits up to {@code graceSeconds}, then kills. */
    void stopContainer(String id, int graceSeconds);

    /** Removes the container (forced, with its anonymous volumes); no error when it is gone. */
    void removeContainer(String id);

    /** Ids of containers (running or not) carrying all these labels. */
    List<String> containersWithLabels(Map<String, String> labels);

    /** Containers (running or not) carrying all these labels: each id with all of its labels. */
    Map<String, Map<String, String>> labelledContainers(Map<String, String> labels);

    /**
     * Pushes {@code repository:tag}. A push whose progress stops for longer than the engine
     * timeout allows fails like a refused one, with a message that names the call.
     *
     * @param auth credentials, or {@code null} for an anonymous push
     * @param progress progress events as the registry reports them
     * @return the manifest digest the registry reported
     * @throws PushFailedException when the registry refused it, even inside an HTTP 200 stream
     */
    String push(String repository, String tag, RegistryAuth auth, Consumer<PushEvent> progress);

    @Override
    void close();

    /**
     * The short form of an image or container id, as the docker CLI shows it: the first 12 hex
     * digits, without a {@code sha256:} prefix. The one place that shortens ids.
     */
    static String shortId(String id) {
        if (id == null) {
            return null;
        }
        String hex = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    /** What to build. */
    record BuildRequest(
            Path contextTar,
            List<String> tags,
            Map<String, String> buildArgs,
            Map<String, String> labels,
            String network,
            boolean noCache,
            boolean pull) {}

    /**
     * What the engine says about an image.
     *
     * @param repoDigests {@code repository@sha256:...} for each registry the image was pulled from or
     *     pushed to; empty for an image built or imported here
     * @param user the user its processes run as ({@code USER}), or empty for root
     * @param healthcheck the command of its {@code HEALTHCHECK} as the engine keeps it
     *     ({@code ["CMD", ...]}, {@code ["CMD-SHELL", ...]}, {@code ["NONE"]}), or empty for none
     */
    record ImageInfo(
            String id,
            List<String> repoTags,
            long size,
            List<String> layers,
            List<String> repoDigests,
            String user,
            List<String> healthcheck) {
        /** An image without repo digests, user or health check. */
        public ImageInfo(String id, List<String> repoTags, long size, List<String> layers) {
            this(id, repoTags, size, layers, List.of(), "", List.of());
        }

        /** Whether the engine runs a health check for its containers. */
        public boolean hasHealthcheck() {
            return !healthcheck.isEmpty() && !healthcheck.get(0).equals("NONE");
        }
    }

    /**
     * What to run.
     *
     * @param containerPort the container's TCP port to publish, or {@code null} for none
     * @param hostPort the host port to publish it on, or {@code null} for one the engine picks
     * @param hostIp the host address to publish it on, or {@code null} for every interface
     * @param healthInterval how often the engine runs the image's health check in this container,
     *     or {@code null} for the image's own interval
     */
    record ContainerSpec(
            String image,
            List<String> command,
            Map<String, String> labels,
            String network,
            Integer containerPort,
            Integer hostPort,
            String hostIp,
            Map<String, String> env,
            Duration healthInterval) {
        /** With the image's own health check interval. */
        public ContainerSpec(
                String image,
                List<String> command,
                Map<String, String> labels,
                String network,
                Integer containerPort,
                Integer hostPort,
                String hostIp,
                Map<String, String> env) {
            this(image, command, labels, network, containerPort, hostPort, hostIp, env, null);
        }
    }

    /**
     * A container's state.
     *
     * @param health what its health check found so far, or {@code null} when it has none
     */
    record ContainerState(boolean running, Integer exitCode, boolean oomKilled, String status, Health health) {
        /** A container without a health check. */
        public ContainerState(boolean running, Integer exitCode, boolean oomKilled, String status) {
            this(running, exitCode, oomKilled, status, null);
        }
    }

    /**
     * A container's health, as the engine reports it.
     *
     * @param status {@code starting}, {@code healthy} or {@code unhealthy}
     * @param failingStreak failed checks in a row
     * @param log the last checks the engine kept (up to 5), oldest first
     */
    record Health(String status, int failingStreak, List<HealthCheck> log) {}

    /** One run of a health check: its exit code and (the first 4 KiB of) its output. */
    record HealthCheck(Integer exitCode, String output) {}

    /** What a command run in a container did. */
    record ExecResult(int exitCode, String output) {}

    /** Registry credentials; {@link #toString()} never shows the secret. */
    record RegistryAuth(String serverAddress, String username, String password, String identityToken) {
        @Override
        public String toString() {
            return "RegistryAuth[" + serverAddress + ", user " + username + "]";
        }
    }

    /**
     * One push progress event.
     *
     * @param layer the layer id, or {@code null} for a message about the whole push
     * @param status the engine's status ({@code Pushing}, {@code Pushed}, {@code Layer already exists})
     * @param current bytes of the layer sent so far, or {@code 0} when the event tells none
     * @param total the layer's size, or {@code 0} when the event tells none
     */
    record PushEvent(String layer, String status, long current, long total) {
        /** An event without progress figures. */
        public PushEvent(String layer, String status) {
            this(layer, status, 0, 0);
        }
    }
}
