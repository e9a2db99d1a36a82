package io.github.fastapidocker.dockerfile;

import io.github.fastapidocker.kernel.ConfigurationException;

/**
 * What the generated Dockerfile's {@code FROM} and {@code CMD} say.
 *
 * @param baseImage the image to build from, for example {@code python:3.14}
 * @param port the port {@code fastapi run} listens on inside the container
 * @param workers worker processes, or {@code null} for the server's default (one)
 * @param proxyHeaders whether to pass {@code --proxy-headers}
 * @param forwardedAllowIps the proxies to trust, or {@code null}
 * @param rootPath the path prefix a proxy strips, or {@code null}
 */
public record DockerfileOptions(
        String baseImage, int port, Integer workers, boolean proxyHeaders, String forwardedAllowIps, String rootPath) {

    /** Checks the values before anything is written or built. */
    public DockerfileOptions validate() {
        if (baseImage == null || baseImage.isBlank() || baseImage.chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigurationException(
                    "<baseImage> must be an image reference without spaces, was '" + baseImage + "'");
        }
        if (port < 1 || port > 65535) {
            throw new ConfigurationException("<port> must be 1-65535, was " + port);
        }
        if (workers != null && workers < 1) {
            throw new ConfigurationException("<workers> must be at least 1, was " + workers);
        }
        singleLine(forwardedAllowIps, "forwardedAllowIps");
        singleLine(rootPath, "rootPath");
        return this;
    }

    private static void singleLine(String value, String element) {
        if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
            throw new ConfigurationException("<" + element + "> must be a single line");
        }
    }
}
