package io.github.fastapidocker.docker;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An in-memory engine for unit tests of the core: records what it was asked and plays back a
 * scripted build output.
 */
public class FakeEngine implements DockerEngine {
    public final List<BuildRequest> builds = new ArrayList<>();
    public final List<byte[]> contexts = new ArrayList<>();
    public final Map<String, ImageInfo> images = new HashMap<>();
    public final List<String> tagged = new ArrayList<>();
    public List<String> buildOutput = List.of(
            "Step 1/2 : FROM base\n",
            " ---> 111\n",
            "Step 2/2 : RUN true\n",
            " ---> Using cache\n",
            " ---> 222\n",
            "Successfully built 222\n");
    public String buildError;
    public String imageId = "sha256:222";
    public boolean tagsOnBuild = true;
    /** How the engine lists the tags it was asked for: as given (Docker), or Podman's way. */
    public java.util.function.UnaryOperator<String> listsTagsAs = tag -> tag;

    public boolean closed;
    /** Which engine it says it is. */
    /** The health check the built image has ({@code ["CMD", ...]}); none by default. */
    public List<String> healthcheckOnBuild = List.of();

    public EngineIdentity identity = new EngineIdentity(EngineIdentity.DOCKER, "20.10.24", "1.41");

    @Override
    public String host() {
        return "fake://engine";
    }

    @Override
    public void ping() {}

    @Override
    public EngineIdentity identity() {
        return identity;
    }

    @Override
    public String build(BuildRequest request, Consumer<String> output) {
        builds.add(request);
        try {
            contexts.add(Files.readAllBytes(request.contextTar()));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        buildOutput.forEach(output);
        if (buildError != null) {
            throw new BuildFailedException(buildError);
        }
        images.put(
                imageId,
                new ImageInfo(
                        imageId,
                        tagsOnBuild ? request.tags().stream().map(listsTagsAs).toList() : List.of(),
                        123_456_789L,
                        List.of("l1", "l2"),
                        List.of(),
                        "",
                        healthcheckOnBuild));
        return imageId;
    }

    @Override
    public Optional<ImageInfo> inspectImage(String reference) {
        return Optional.ofNullable(images.get(reference));
    }

    @Override
    public void tag(String imageId, String repository, String tag) {
        tagged.add(repository + ":" + tag);
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void startContainer(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ContainerState> inspectContainer(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String logs(String id, int tailLines) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void stopContainer(String id, int graceSeconds) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeContainer(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> containersWithLabels(Map<String, String> labels) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, Map<String, String>> labelledContainers(Map<String, String> labels) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String push(String repository, String tag, RegistryAuth auth, Consumer<PushEvent> progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
        closed = true;
    }
}
