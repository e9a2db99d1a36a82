package io.github.fastapidocker.docker;

/**
 * The registry refused a push or it broke off; {@link #reason()} tells whether another try may
 * pass.
 */
public class PushFailedException extends EngineException {
    private static final long serialVersionUID = 1L;

    /** Why a push failed, as far as trying again is concerned. */
    public enum Reason {
        /** The registry refused the login or the access: retrying cannot help. */
        REFUSED_LOGIN,
        /**
         * The engine spoke HTTPS to a registry that answers plain HTTP ({@code http: server gave
         * HTTP response to HTTPS client}): only the engine's own configuration changes that.
         */
        PLAIN_HTTP_REGISTRY,
        /** Anything else (a registry that is away, a connection reset): another try may pass. */
        OTHER
    }

    private final Reason reason;

    public PushFailedException(String message, Reason reason) {
        super(message);
        this.reason = reason;
    }

    /** The engine answered the push request itself with this HTTP status. */
    public PushFailedException(String message, Reason reason, int status) {
        super(message, status, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Whether the registry refused the login or the access: retrying cannot help. */
    public boolean unauthorized() {
        return reason == Reason.REFUSED_LOGIN;
    }

    /** Whether another try may pass. */
    public boolean retriable() {
        return reason == Reason.OTHER;
    }
}
