package io.github.fastapidocker.docker;

/**
 * The engine refused or failed an operation. Carries the engine's HTTP status ({@code 0} when
 * there was no answer, or the failure came inside a stream) and the engine's own message, so
 * callers decide on the status, never on the wording.
 */
public class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String engineMessage;

    public EngineException(String message) {
        this(message, 0, null, null);
    }

    public EngineException(String message, Throwable cause) {
        this(message, 0, null, cause);
    }

    /**
     * @param message the whole message, for the user
     * @param status the HTTP status of the engine's answer, or {@code 0}
     * @param engineMessage what the engine itself said (the {@code message} of its JSON answer), or {@code null}
     */
    public EngineException(String message, int status, String engineMessage) {
        this(message, status, engineMessage, null);
    }

    public EngineException(String message, int status, String engineMessage, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.engineMessage = engineMessage;
    }

    /** The HTTP status of the engine's answer, or {@code 0} when there was none. */
    public int status() {
        return status;
    }

    /** The engine's own message, or the whole message when the engine said nothing of its own. */
    public String engineMessage() {
        return engineMessage != null ? engineMessage : getMessage();
    }
}
