package io.github.fastapidocker.dockerfile;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;

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

    /** The official image for a Python version, as FastAPI's guide recommends. */
    public static String officialBaseImage(String pythonVersion) {
        return "python:" + pythonVersion;
    }

    /** The configured base image, else the official one for {@code pythonVersion}. */
    public static String baseImage(String configured, String pythonVersion) {
        return configured != null && !configured.isBlank() ? configured.trim() : officialBaseImage(pythonVersion);
    }

    /** Checks the values before anything is written or built; messages name the settings through {@code hints}. */
    public DockerfileOptions validate(Hints hints) {
        if (baseImage == null || baseImage.isBlank() || baseImage.chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigurationException(hints.name(Setting.BASE_IMAGE)
                    + " must be an image reference without spaces, was '" + baseImage + "'");
        }
        if (port < 1 || port > 65535) {
            throw new ConfigurationException(hints.name(Setting.PORT) + " must be 1-65535, was " + port);
        }
        if (workers != null && workers < 1) {
            throw new ConfigurationException(hints.name(Setting.WORKERS) + " must be at least 1, was " + workers);
        }
        singleLine(forwardedAllowIps, hints.name(Setting.FORWARDED_ALLOW_IPS));
        singleLine(rootPath, hints.name(Setting.ROOT_PATH));
        return this;
    }

    private static void singleLine(String value, String name) {
        if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
            throw new ConfigurationException(name + " must be a single line");
        }
    }
}
