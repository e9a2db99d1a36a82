package io.github.fastapidocker.docker;

import java.time.Duration;

/**
 * The engine stayed silent longer than a call allows ({@link EngineTimeouts}): the call was
 * abandoned and its connection closed. The message names the call, the engine and the limit.
 */
public class EngineTimeoutException extends EngineUnavailableException {
    private static final long serialVersionUID = 1L;
    private final String call;
    private final transient Duration limit;

    public EngineTimeoutException(String message, String call, Duration limit, Throwable cause) {
        super(message, cause);
        this.call = call;
        this.limit = limit;
    }

    /** The call that timed out, as messages name it ({@code ping}, {@code push NAME:TAG}). */
    public String call() {
        return call;
    }

    /** The silence it was allowed. */
    public Duration limit() {
        return limit;
    }
}
