package io.github.fastapidocker.kernel;

import java.util.ArrayList;
import java.util.List;

/** A {@link BuildLog} for tests: keeps every line, prefixed with its level. */
public final class RecordingLog implements BuildLog {
    public final List<String> lines = new ArrayList<>();

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    /** Every line, one per line. */
    public String text() {
        return String.join("\n", lines);
    }

    /** The INFO messages, without the prefix. */
    public List<String> infos() {
        return withLevel("INFO ");
    }

    /** The WARN messages, without the prefix. */
    public List<String> warnings() {
        return withLevel("WARN ");
    }

    private List<String> withLevel(String prefix) {
        return lines.stream()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()))
                .toList();
    }
}
