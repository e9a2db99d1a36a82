package io.github.fastapidocker.push;

import io.github.fastapidocker.docker.DockerEngine.PushEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts, per layer, whether it was uploaded or already there (its last status wins), and
 * whether the engine told about layers at all: Podman sends no per-layer events, and a count of
 * none would then claim that nothing went up.
 */
final class LayerTally {
    private static final String PUSHED = "Pushed";
    private static final String ALREADY_EXISTS = "Layer already exists";
    private static final String MOUNTED = "Mounted from";

    private final Map<String, String> outcome = new LinkedHashMap<>();
    private boolean layerEvents;

    synchronized void accept(PushEvent event) {
        if (event.layer() == null || event.status() == null) {
            return;
        }
        layerEvents = true;
        String status = event.status();
        if (status.equals(PUSHED)) {
            outcome.put(event.layer(), PUSHED);
        } else if (status.equals(ALREADY_EXISTS) || status.startsWith(MOUNTED)) {
            outcome.put(event.layer(), ALREADY_EXISTS);
        }
    }

    /** Whether the engine sent any event about a layer. */
    synchronized boolean reported() {
        return layerEvents;
    }

    synchronized int pushed() {
        return (int) outcome.values().stream().filter(PUSHED::equals).count();
    }

    synchronized int existing() {
        return (int) outcome.values().stream().filter(ALREADY_EXISTS::equals).count();
    }
}
