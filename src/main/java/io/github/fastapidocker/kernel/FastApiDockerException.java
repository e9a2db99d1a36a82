package io.github.fastapidocker.kernel;

/** Base of the plugin's own failures; its message is written for the user, not the developer. */
public class FastApiDockerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FastApiDockerException(String message) {
        super(message);
    }

    public FastApiDockerException(String message, Throwable cause) {
        super(message, cause);
    }
}
