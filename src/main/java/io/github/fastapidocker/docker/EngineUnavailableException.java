package io.github.fastapidocker.docker;

/** The engine could not be reached at all; the message says where we tried and how to change it. */
public class EngineUnavailableException extends EngineException {
    private static final long serialVersionUID = 1L;

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The engine answered, but not as an engine does (its ping failed with this HTTP status). */
    public EngineUnavailableException(String message, int status, String engineMessage) {
        super(message, status, engineMessage);
    }
}
