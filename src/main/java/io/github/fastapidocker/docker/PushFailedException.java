package io.github.fastapidocker.docker;

/** The registry refused a push or it broke off; {@link #unauthorized()} tells a refused login apart. */
public class PushFailedException extends EngineException {
    private static final long serialVersionUID = 1L;
    private final boolean unauthorized;

    public PushFailedException(String message, boolean unauthorized) {
        super(message);
        this.unauthorized = unauthorized;
    }

    public boolean unauthorized() {
        return unauthorized;
    }
}
