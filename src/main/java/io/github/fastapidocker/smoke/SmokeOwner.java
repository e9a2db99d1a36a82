package io.github.fastapidocker.smoke;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The build process that started a smoke-test container, recorded on it as labels: its pid, when
 * that process started, and the host it runs on. A container is a leftover only once its owner is
 * gone, so a second build in the same checkout never removes the first one's live container.
 *
 * @param pid the owner's process id
 * @param startedMillis when the owner started (epoch millis), or {@code null} when the platform did
 *     not say
 * @param host the owner's host name, as {@link #localHost()} finds it
 */
record SmokeOwner(long pid, Long startedMillis, String host) {
    /** The owner's pid. */
    static final String PID = "io.github.fastapidocker.owner.pid";
    /** When the owner process started, epoch milliseconds. */
    static final String STARTED = "io.github.fastapidocker.owner.started";
    /** The owner's host name. */
    static final String HOST = "io.github.fastapidocker.owner.host";

    /**
     * Start instants of one process, read twice, may differ slightly (Linux derives them from the
     * boot time, which moves with clock adjustments); a reused pid started this much apart at least.
     */
    static final long START_TOLERANCE_MILLIS = 2000;

    /** This JVM, on this host. */
    static SmokeOwner current() {
        ProcessHandle me = ProcessHandle.current();
        return new SmokeOwner(
                me.pid(), me.info().startInstant().map(Instant::toEpochMilli).orElse(null), localHost());
    }

    /** The owner recorded in a container's labels; empty for a container without them (an older plugin). */
    static Optional<SmokeOwner> of(Map<String, String> labels) {
        String pid = labels.get(PID);
        String host = labels.get(HOST);
        if (pid == null || host == null) {
            return Optional.empty();
        }
        try {
            String started = labels.get(STARTED);
            return Optional.of(new SmokeOwner(
                    Long.parseLong(pid.strip()),
                    started == null || started.isBlank() ? null : Long.parseLong(started.strip()),
                    host));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The labels that record this owner. */
    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(PID, Long.toString(pid));
        labels.put(STARTED, startedMillis == null ? "" : Long.toString(startedMillis));
        labels.put(HOST, host);
        return labels;
    }

    /** Whether the owner runs on this host, where its process can be looked up. */
    boolean onHost(String localHost) {
        return host.equals(localHost);
    }

    /**
     * Whether the owner process is gone: no process with its pid, or one that started at another
     * time (the pid was reused). Only meaningful {@link #onHost on this host}.
     */
    boolean gone() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = process.get().info().startInstant();
        if (startedMillis == null || started.isEmpty()) {
            return false;
        }
        return Math.abs(started.get().toEpochMilli() - startedMillis) > START_TOLERANCE_MILLIS;
    }

    /** The host name, the same for every process of this machine (or container). */
    static String localHost() {
        try {
            // Linux: the kernel's name, without a DNS lookup.
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8)
                    .strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: ask the JVM.
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String name = System.getenv("COMPUTERNAME");
            return name == null || name.isBlank() ? "localhost" : name;
        }
    }
}
