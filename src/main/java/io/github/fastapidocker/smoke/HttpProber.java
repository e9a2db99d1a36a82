package io.github.fastapidocker.smoke;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The one HTTP call the smoke test makes, behind our own interface so that the polling loop is
 * tested without a network client of its own.
 */
public interface HttpProber {

    /**
     * GETs {@code uri}, following no redirects.
     *
     * @param timeout for the whole exchange, body included
     * @return the status and body of whatever answered; a body longer than {@link #BODY_LIMIT}
     *     bytes, or still arriving at the timeout, is cut there
     * @throws IOException when nothing answered in time (refused, reset, timed out)
     */
    Answer get(URI uri, Duration timeout) throws IOException;

    /** Bytes of a body that a probe reads at most: an endless stream (SSE) must not fill the heap. */
    int BODY_LIMIT = 64 * 1024;

    /**
     * An HTTP answer.
     *
     * @param status the status
     * @param body the body, or its first {@code cutAt} bytes
     * @param cutAt the bytes read when the body was cut (too long, or still arriving at the
     *     timeout), or {@code null} when it was read whole
     */
    record Answer(int status, String body, Integer cutAt) {
        /** A whole answer. */
        public Answer(int status, String body) {
            this(status, body, null);
        }
    }
}
