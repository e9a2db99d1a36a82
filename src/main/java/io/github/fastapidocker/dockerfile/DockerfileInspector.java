package io.github.fastapidocker.dockerfile;

import java.util.Locale;
import java.util.Optional;

/** Reads what matters to us from a user's own Dockerfile. */
public final class DockerfileInspector {
    private DockerfileInspector() {}

    /** The instruction that starts the server, as written: the last ENTRYPOINT, else the last CMD. */
    public record StartInstruction(String keyword, String arguments) {
        /** Exec form is a JSON array; anything else runs under {@code /bin/sh -c}. */
        public boolean execForm() {
            return arguments.startsWith("[");
        }
    }

    public static Optional<StartInstruction> startInstruction(String dockerfile) {
        StartInstruction cmd = null;
        StartInstruction entrypoint = null;
        for (String instruction : logicalLines(dockerfile)) {
            String[] parts = instruction.trim().split("\\s+", 2);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            String args = parts.length > 1 ? parts[1].trim() : "";
            if (keyword.equals("FROM")) {
                // A new stage: only the last stage's instructions make the image.
                cmd = null;
                entrypoint = null;
            } else if (keyword.equals("CMD")) {
                cmd = new StartInstruction(keyword, args);
            } else if (keyword.equals("ENTRYPOINT")) {
                entrypoint = new StartInstruction(keyword, args);
            }
        }
        return Optional.ofNullable(entrypoint != null ? entrypoint : cmd);
    }

    /**
     * The images the Dockerfile builds FROM, in order, without the names of its own stages (a
     * {@code FROM build} after {@code FROM x AS build} starts from that stage, not an image).
     */
    public static java.util.List<String> baseImages(String dockerfile) {
        java.util.List<String> images = new java.util.ArrayList<>();
        java.util.Set<String> stages = new java.util.HashSet<>();
        for (String instruction : logicalLines(dockerfile)) {
            String[] parts = instruction.trim().split("\\s+");
            if (!parts[0].equalsIgnoreCase("FROM")) {
                continue;
            }
            int i = 1;
            while (i < parts.length && parts[i].startsWith("--")) {
                i++; // --platform=...
            }
            if (i >= parts.length) {
                continue;
            }
            String image = parts[i];
            if (!stages.contains(image.toLowerCase(Locale.ROOT)) && !image.equalsIgnoreCase("scratch")) {
                images.add(image);
            }
            if (i + 2 < parts.length && parts[i + 1].equalsIgnoreCase("AS")) {
                stages.add(parts[i + 2].toLowerCase(Locale.ROOT));
            }
        }
        return images;
    }

    /**
     * Whether the image's own stage (the last) declares a health check: a {@code HEALTHCHECK} other
     * than {@code HEALTHCHECK NONE} after the last {@code FROM}.
     */
    public static boolean declaresHealthcheck(String dockerfile) {
        boolean declared = false;
        for (String instruction : logicalLines(dockerfile)) {
            String[] parts = instruction.trim().split("\\s+", 3);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            if (keyword.equals("FROM")) {
                declared = false;
            } else if (keyword.equals("HEALTHCHECK")) {
                declared = !(parts.length > 1 && parts[1].equalsIgnoreCase("NONE"));
            }
        }
        return declared;
    }

    /** The warning to give for a shell-form start instruction, if any. */
    public static Optional<String> shellFormWarning(String dockerfile, String file) {
        return startInstruction(dockerfile)
                .filter(i -> !i.execForm())
                .map(i -> file + ": " + i.keyword() + " is in shell form (" + i.keyword() + " " + i.arguments()
                        + "). /bin/sh becomes process 1 and does not pass SIGTERM on, so the server never shuts down"
                        + " gracefully: lifespan shutdown never runs and every stop waits for the kill (about 10 s)."
                        + " Write it in exec form, e.g. " + i.keyword()
                        + " [\"fastapi\", \"run\", \"app/main.py\", \"--port\", \"80\"]");
    }

    /** Joins backslash continuations and drops comments and blank lines. */
    static java.util.List<String> logicalLines(String dockerfile) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : dockerfile.split("\r?\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            if (current.length() > 0) {
                lines.add(current.toString());
            }
            current.setLength(0);
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        return lines;
    }
}
