package io.github.fastapidocker.docker;

/** A build step failed; the message is the engine's error. */
public class BuildFailedException extends EngineException {
    private static final long serialVersionUID = 1L;

    public BuildFailedException(String message) {
        super(message);
    }
}
