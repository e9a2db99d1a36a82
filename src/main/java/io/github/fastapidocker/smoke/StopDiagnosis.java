package io.github.fastapidocker.smoke;

import io.github.fastapidocker.dockerfile.DockerfileInspector;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import io.github.fastapidocker.smoke.SmokeReport.StopResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a stop was not graceful, and what to change: a user's Dockerfile with its CMD or ENTRYPOINT
 * in shell form is named, with the exec form to write; a generated image's exec-form CMD points at
 * the app's own shutdown.
 */
final class StopDiagnosis {
    private final Hints hints;

    StopDiagnosis(Hints hints) {
        this.hints = hints;
    }

    /** Why the stop was not graceful, or {@code null} when it was. */
    String problem(StopResult stop, SmokeTarget target, SmokeSettings settings) {
        if (stop.graceful()) {
            return null;
        }
        String seconds = String.format(Locale.ROOT, "%.1f s", stop.millis() / 1000.0);
        String accept = " " + hints.set(Setting.GRACEFUL_STOP, "warn") + " only warns.";
        if (!stop.killed()) {
            return "The server exited with code " + stop.exitCode() + " after SIGTERM (the stop took " + seconds
                    + "): its shutdown failed; see the log below." + accept;
        }
        StringBuilder out = new StringBuilder("The server did not stop within " + stop.graceSeconds()
                + " s of SIGTERM and was killed (exit 137, the stop took " + seconds + "). It did not shut down"
                + " gracefully: FastAPI's lifespan shutdown did not run or did not end, and every stop of this image"
                + " waits out the whole grace period (Docker's default is 10 s; a server that stops well takes"
                + " about half a second).");
        Optional<DockerfileInspector.StartInstruction> shellForm = shellFormInstruction(settings.userDockerfile());
        if (shellForm.isPresent()) {
            DockerfileInspector.StartInstruction i = shellForm.get();
            out.append(" Cause: ")
                    .append(settings.userDockerfile())
                    .append(" has ")
                    .append(i.keyword())
                    .append(" in shell form (")
                    .append(i.keyword())
                    .append(' ')
                    .append(i.arguments())
                    .append("):")
                    .append(" /bin/sh becomes process 1 and does not pass SIGTERM on to the server.")
                    .append(" Write it in exec form, a JSON array, as FastAPI's guide says: ")
                    .append(i.keyword())
                    .append(' ')
                    .append(execFormOf(i.arguments()))
                    .append('.');
        } else if (target.command() != null) {
            out.append(" The generated CMD is in exec form, so the server received SIGTERM: the app's own"
                    + " shutdown (lifespan handlers, background threads) took longer than the grace period of "
                    + stop.graceSeconds() + " s. Raise " + hints.name(Setting.STOP_TIMEOUT)
                    + " if it needs longer.");
        } else {
            out.append(" The usual cause is a CMD or ENTRYPOINT in shell form (CMD fastapi run app/main.py):"
                    + " /bin/sh becomes process 1 and does not pass SIGTERM on to the server. Write it in exec"
                    + " form, a JSON array, as FastAPI's guide says: CMD [\"fastapi\", \"run\", \"app/main.py\","
                    + " \"--port\", \"80\"]. If it already is, the app's shutdown takes longer than "
                    + hints.name(Setting.STOP_TIMEOUT) + ".");
        }
        return out.append(accept).toString();
    }

    private static Optional<DockerfileInspector.StartInstruction> shellFormInstruction(Path dockerfile) {
        if (dockerfile == null || !Files.isRegularFile(dockerfile)) {
            return Optional.empty();
        }
        try {
            return DockerfileInspector.startInstruction(Files.readString(dockerfile, StandardCharsets.UTF_8))
                    .filter(i -> !i.execForm());
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** {@code fastapi run app/main.py --port 80} as {@code ["fastapi", "run", ...]} (simple words only). */
    static String execFormOf(String shellForm) {
        List<String> words = new ArrayList<>();
        for (String word : shellForm.trim().split("\\s+")) {
            words.add("\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return "[" + String.join(", ", words) + "]";
    }
}
