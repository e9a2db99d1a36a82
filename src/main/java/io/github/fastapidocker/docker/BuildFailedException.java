package io.github.fastapidocker.docker;

/** A build step failed; the message is the engine's error. */
public class BuildFailedException extends EngineException {
    private static final long serialVersionUID = 1L;

    public BuildFailedException(String message) {
        super(message);
    }

    /** The engine refused the build with this HTTP status (a Dockerfile it cannot parse: 400). */
    public BuildFailedException(String message, int status) {
        super(message, status, message);
    }
}
