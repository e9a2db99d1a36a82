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
     * @return the status and body of whatever answered
     * @throws IOException when nothing answered in time (refused, reset, timed out)
     */
    Answer get(URI uri, Duration timeout) throws IOException;

    /** An HTTP answer. */
    record Answer(int status, String body) {}
}
