package io.github.fastapidocker.smoke;

import io.github.fastapidocker.kernel.FastApiDockerException;

/** The image did not pass: it did not start, a probe failed, or it did not stop gracefully. */
public class SmokeFailedException extends FastApiDockerException {
    private static final long serialVersionUID = 1L;

    public SmokeFailedException(String message) {
        super(message);
    }
}
