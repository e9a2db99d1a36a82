package io.github.fastapidocker.push;

import io.github.fastapidocker.docker.DockerEngine.PushEvent;
import io.github.fastapidocker.kernel.BuildLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Shows that a slow push is alive: from {@link #EVERY} after its start, at most one line per
 * {@link #EVERY} with the bytes its layers sent so far ({@code   pushing 3 layers: 41.2 of 512.0
 * MB}), from the engine's per-layer {@code progressDetail}. A push that ends sooner prints nothing.
 */
final class PushProgress implements Consumer<PushEvent> {
    /** The least time between two lines, and before the first. */
    static final Duration EVERY = Duration.ofSeconds(5);

    private static final String PUSHED = "Pushed";

    private final BuildLog log;
    private final LongSupplier nanoTime;
    private final long every = EVERY.toNanos();
    private final long start;
    private long lastLine;
    /** Per layer id: bytes sent and size, as the engine last reported them. */
    private final Map<String, long[]> layers = new LinkedHashMap<>();

    PushProgress(BuildLog log, LongSupplier nanoTime) {
        this.log = log;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.lastLine = start;
    }

    @Override
    public synchronized void accept(PushEvent event) {
        if (event.layer() != null) {
            if (event.total() > 0) {
                layers.put(event.layer(), new long[] {Math.min(event.current(), event.total()), event.total()});
            } else if (PUSHED.equals(event.status()) && layers.containsKey(event.layer())) {
                long[] layer = layers.get(event.layer());
                layer[0] = layer[1];
            }
        }
        long now = nanoTime.getAsLong();
        if (!layers.isEmpty() && now - start >= every && now - lastLine >= every) {
            lastLine = now;
            log.info(line());
        }
    }

    synchronized String line() {
        long sent = 0;
        long total = 0;
        for (long[] layer : layers.values()) {
            sent += layer[0];
            total += layer[1];
        }
        return String.format(
                Locale.ROOT,
                "  pushing %d layer%s: %.1f of %.1f MB",
                layers.size(),
                layers.size() == 1 ? "" : "s",
                sent / 1e6,
                total / 1e6);
    }
}
