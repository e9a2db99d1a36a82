package io.github.fastapidocker.core;

import io.github.fastapidocker.engine.DockerEngine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** An engine in memory: images by reference, and scripted push outcomes. */
final class FakeEngine implements DockerEngine {
    /** reference or id -> image id */
    final Map<String, String> images = new HashMap<>();
    final List<String> tagged = new ArrayList<>();
    final List<String> pushes = new ArrayList<>();
    final List<RegistryAuth> auths = new ArrayList<>();
    /** What each push call does, in order; when empty, pushes succeed with {@link #defaultEvents}. */
    final Deque<Supplier<RuntimeException>> pushFailures = new ArrayDeque<>();
    List<PushEvent> defaultEvents = List.of();

    FakeEngine image(String id, String... references) {
        images.put(id, id);
        for (String reference : references) {
            images.put(reference, id);
        }
        return this;
    }

    @Override
    public String host() {
        return "unix:///fake.sock";
    }

    @Override
    public void ping() {}

    @Override
    public String build(BuildRequest request, Consumer<String> output) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ImageInfo> inspectImage(String reference) {
        String id = images.get(reference);
        if (id == null) {
            return Optional.empty();
        }
        List<String> tags = images.entrySet().stream()
                .filter(e -> e.getValue().equals(id) && !e.getKey().equals(id))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        return Optional.of(new ImageInfo(id, tags, 1000, List.of()));
    }

    @Override
    public void tag(String imageId, String repository, String tag) {
        tagged.add(imageId + " -> " + repository + ":" + tag);
        images.put(repository + ":" + tag, images.get(imageId));
    }

    @Override
    public String push(String repository, String tag, RegistryAuth auth, Consumer<PushEvent> progress) {
        pushes.add(repository + ":" + tag);
        auths.add(auth);
        Supplier<RuntimeException> failure = pushFailures.poll();
        if (failure != null) {
            progress.accept(new PushEvent("aaa", "Preparing"));
            throw failure.get();
        }
        if (!images.containsKey(repository + ":" + tag)) {
            throw new IllegalStateException("pushed a tag that does not exist: " + repository + ":" + tag);
        }
        defaultEvents.forEach(progress);
        return "sha256:" + Integer.toHexString((repository + ":" + tag + images.get(repository + ":" + tag)).hashCode());
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
    public void close() {}
}
