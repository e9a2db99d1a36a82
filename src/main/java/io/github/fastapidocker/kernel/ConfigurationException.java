package io.github.fastapidocker.kernel;

/**
 * A mistake in the user's configuration or project that the user can fix. The message names the
 * element, property or file to change; callers show it without a stack trace.
 */
public class ConfigurationException extends FastApiDockerException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
