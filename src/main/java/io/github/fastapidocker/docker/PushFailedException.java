package io.github.fastapidocker.docker;

/** The registry refused a push or it broke off; {@link #unauthorized()} tells a refused login apart. */
public class PushFailedException extends EngineException {
    private static final long serialVersionUID = 1L;
    private final boolean unauthorized;

    public PushFailedException(String message, boolean unauthorized) {
        super(message);
        this.unauthorized = unauthorized;
    }

    /** The engine answered the push request itself with this HTTP status. */
    public PushFailedException(String message, boolean unauthorized, int status) {
        super(message, status, message);
        this.unauthorized = unauthorized;
    }

    /** Whether the registry refused the login or the access: retrying cannot help. */
    public boolean unauthorized() {
        return unauthorized;
    }
}
