package io.github.fastapidocker.push;

import io.github.fastapidocker.docker.FakeEngine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The fake engine with local tags that tagging really moves, and scripted push outcomes. */
final class PushingEngine extends FakeEngine {
    /** reference or id -> image id */
    final Map<String, String> refs = new HashMap<>();

    final List<String> pushes = new ArrayList<>();
    final List<RegistryAuth> auths = new ArrayList<>();
    /** What each push call throws, in order; when empty, pushes succeed with {@link #events}. */
    final Deque<Supplier<RuntimeException>> pushFailures = new ArrayDeque<>();

    List<PushEvent> events = List.of();

    PushingEngine image(String id, String... references) {
        refs.put(id, id);
        for (String reference : references) {
            refs.put(reference, id);
        }
        return this;
    }

    @Override
    public String host() {
        return "unix:///fake.sock";
    }

    @Override
    public Optional<ImageInfo> inspectImage(String reference) {
        String id = refs.get(reference);
        if (id == null) {
            return Optional.empty();
        }
        List<String> tags = refs.entrySet().stream()
                .filter(e -> e.getValue().equals(id) && !e.getKey().equals(id))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        return Optional.of(new ImageInfo(id, tags, 1000, List.of()));
    }

    @Override
    public void tag(String imageId, String repository, String tag) {
        tagged.add(imageId + " -> " + repository + ":" + tag);
        refs.put(repository + ":" + tag, refs.get(imageId));
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
        String id = refs.get(repository + ":" + tag);
        if (id == null) {
            throw new IllegalStateException("pushed a tag that does not exist: " + repository + ":" + tag);
        }
        events.forEach(progress);
        return "sha256:" + Integer.toHexString((repository + ":" + tag + id).hashCode());
    }
}
