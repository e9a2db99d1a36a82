package io.github.fastapidocker.project.deps;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 508 requirement string as {@code pyproject.toml} lists it ({@code fastapi[standard]>=0.115;
 * python_version >= "3.10"}), split into what a lock walk needs.
 *
 * @param name the normalized name
 * @param extras the extras asked for
 * @param marker the environment marker, or {@code null}
 * @param text the string as written, trimmed
 */
record Requirement(String name, List<String> extras, String marker, String text) {
    private static final Pattern FORM =
            Pattern.compile("\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(?:\\[([^\\]]*)\\])?([^;]*)(?:;(.*))?");

    static Requirement parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(text);
        }
        List<String> extras = m.group(2) == null || m.group(2).isBlank()
                ? List.of()
                : Arrays.stream(m.group(2).split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
        String marker =
                m.group(4) == null || m.group(4).isBlank() ? null : m.group(4).trim();
        return new Requirement(Names.normalize(m.group(1)), extras, marker, text.trim());
    }

    /** The version part (after the name and extras, before the marker). */
    String spec() {
        Matcher m = FORM.matcher(text);
        return m.matches() ? m.group(3).trim() : "";
    }

    /** Whether pip would read it from a path on this machine ({@code name @ file:...}). */
    boolean isLocal() {
        String spec = spec();
        return spec.startsWith("@")
                && RequirementLines.isLocal(spec.substring(1).trim());
    }

    LockGraph.Edge edge() {
        return new LockGraph.Edge(name, extras, marker);
    }
}
