package io.github.fastapidocker.docker;

import io.github.fastapidocker.kernel.FastApiDockerException;

/** The engine refused or failed an operation; the message is the engine's own. */
public class EngineException extends FastApiDockerException {
    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
