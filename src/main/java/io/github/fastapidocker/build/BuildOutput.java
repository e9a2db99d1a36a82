package io.github.fastapidocker.build;

import io.github.fastapidocker.kernel.BuildLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the classic builder's output: passes each line to the log as it arrives and keeps
 * track of the steps, which came from the cache, and the last lines (for a failure message).
 * Docker prints {@code Step 1/7 : FROM x} and {@code  ---> Using cache}; Podman (Buildah)
 * prints {@code STEP 1/7: FROM x}, {@code [1/2] STEP 1/3: ...} in a multi-stage build, and
 * {@code --> Using cache <id>}.
 */
public final class BuildOutput {
    private static final Pattern STEP = Pattern.compile("^(?:\\[\\d+/\\d+\\] )?(?:Step|STEP) (\\d+)/(\\d+) ?: (.*)$");
    private static final Pattern CACHE_HIT = Pattern.compile("^-+> Using cache(?: \\S+)?$");
    private static final int TAIL_LINES = 30;

    private final BuildLog log;
    private final StringBuilder partial = new StringBuilder();
    private final List<String> steps = new ArrayList<>();
    private final List<String> cachedSteps = new ArrayList<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private String currentStep;

    public BuildOutput(BuildLog log) {
        this.log = log;
    }

    /** A chunk of the engine's stream; it may hold several lines or part of one. */
    public synchronized void accept(String chunk) {
        partial.append(chunk);
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            line(partial.substring(0, newline));
            partial.delete(0, newline + 1);
        }
    }

    /** Flushes an unterminated last line. */
    public synchronized void finish() {
        if (partial.length() > 0) {
            line(partial.toString());
            partial.setLength(0);
        }
    }

    private void line(String raw) {
        String line = raw.stripTrailing();
        if (line.isEmpty()) {
            return;
        }
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
        Optional<String> instruction = instruction(line);
        if (instruction.isPresent()) {
            currentStep = line;
            steps.add(instruction.get().replaceAll("\\s+", " "));
        } else if (CACHE_HIT.matcher(line.strip()).matches() && !steps.isEmpty()) {
            cachedSteps.add(steps.get(steps.size() - 1));
        }
        log.info(line);
    }

    /**
     * The instruction of a step line ({@code FROM x} of {@code Step 1/7 : FROM x} or
     * {@code STEP 1/7: FROM x}), or empty when the line is not a step.
     */
    static Optional<String> instruction(String line) {
        if (line == null) {
            return Optional.empty();
        }
        Matcher step = STEP.matcher(line.strip());
        return step.matches() ? Optional.of(step.group(3)) : Optional.empty();
    }

    /** The instructions, as the builder printed them ({@code FROM ...}, {@code RUN ...}). */
    public synchronized List<String> steps() {
        return List.copyOf(steps);
    }

    /** The instructions whose layer came from the cache. */
    public synchronized List<String> cachedSteps() {
        return List.copyOf(cachedSteps);
    }

    /** The step running when the build stopped, or {@code null}. */
    public synchronized String currentStep() {
        return currentStep;
    }

    /** The last lines of output. */
    public synchronized String tail() {
        return String.join("\n", tail);
    }
}
