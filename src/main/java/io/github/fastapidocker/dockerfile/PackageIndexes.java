package io.github.fastapidocker.dockerfile;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import io.github.fastapidocker.kernel.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The package indexes pip installs from (Nexus, Artifactory, any PEP 503 server), as written in the
 * Dockerfile: without a login. The login reaches the build only as a build argument that overrides
 * the URL, and only the builder stage declares it: with the classic builder (no secret mounts) that
 * is the one way to keep it out of the image. The image gets the installed packages, never the
 * login.
 *
 * @param indexUrl pip's {@code --index-url}, or {@code null} for the base image's index
 * @param extraIndexUrl pip's {@code --extra-index-url}, or {@code null} for none
 */
public record PackageIndexes(String indexUrl, String extraIndexUrl) {
    /** No index of ours: the guide's single-stage Dockerfile. */
    public static final PackageIndexes NONE = new PackageIndexes(null, null);

    /** The build argument that carries the index URL, with the login when there is one. */
    public static final String INDEX_ARG = "FASTAPI_INDEX_URL";
    /** The build argument that carries the extra index URL, with the login when there is one. */
    public static final String EXTRA_INDEX_ARG = "FASTAPI_EXTRA_INDEX_URL";
    /** Where the builder stage installs the packages and the final stage finds them. */
    static final String PACKAGES = "/opt/python";

    public PackageIndexes {
        indexUrl = blankToNull(indexUrl);
        extraIndexUrl = blankToNull(extraIndexUrl);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Whether the Dockerfile is the guide's single stage. */
    public boolean isNone() {
        return indexUrl == null && extraIndexUrl == null;
    }

    /** Checks both URLs; messages name the element and never repeat a login. */
    public PackageIndexes validate(Hints hints) {
        if (indexUrl != null) {
            validate(indexUrl, Setting.PIP_INDEX_URL, hints);
        }
        if (extraIndexUrl != null) {
            validate(extraIndexUrl, Setting.PIP_EXTRA_INDEX_URL, hints);
        }
        return this;
    }

    private static void validate(String url, Setting setting, Hints hints) {
        String name = hints.name(setting);
        URI uri = parse(url);
        if (uri == null
                || uri.getScheme() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                || uri.getHost() == null
                || url.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new ConfigurationException(name + " must be an http or https URL of a package index, such as"
                    + " https://nexus.example.com/repository/pypi/simple/, was '" + Urls.withoutLogin(url) + "'");
        }
        if (uri.getRawUserInfo() != null) {
            String server = serverId(url);
            throw new ConfigurationException(
                    name + " must not carry a login (" + Urls.withoutLogin(url) + "): a debug run"
                            + " of the build prints every configured value, so the login would be in the log. Keep it in "
                            + hints.serverLogin(server) + " (its password encrypted), or name another server with "
                            + hints.name(Setting.PIP_INDEX_SERVER_ID));
        }
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The settings server a login for {@code url} is looked up under by default: its host[:port]. */
    public static String serverId(String url) {
        URI uri = parse(url);
        if (uri == null || uri.getHost() == null) {
            return "";
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() == -1 ? host : host + ":" + uri.getPort();
    }

    /**
     * {@code url} with {@code username:password@} in it, each part percent-encoded: what pip gets
     * through the build argument.
     */
    public static String withLogin(String url, String username, String password) {
        URI uri = parse(url);
        if (uri == null || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("not a URL with a host");
        }
        String login = encode(username) + ":" + encode(password) + "@";
        int authority = url.indexOf(uri.getRawAuthority());
        return url.substring(0, authority) + login + url.substring(authority);
    }

    /** Percent-encoding of everything but RFC 3986's unreserved characters, as user-info needs. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /**
     * The builder stage's {@code ARG}s, with the URLs without login as their defaults, so the
     * Dockerfile also builds by hand against an index that needs none.
     */
    String arguments() {
        StringBuilder out = new StringBuilder(
                "# The index login comes only as a build argument, to this stage only: the image gets the packages.\n");
        if (indexUrl != null) {
            out.append("ARG ")
                    .append(INDEX_ARG)
                    .append('=')
                    .append(DockerfileRenderer.quoted(indexUrl))
                    .append('\n');
        }
        if (extraIndexUrl != null) {
            out.append("ARG ")
                    .append(EXTRA_INDEX_ARG)
                    .append('=')
                    .append(DockerfileRenderer.quoted(extraIndexUrl))
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * pip's options. The URLs come from our own build arguments, not pip's {@code PIP_INDEX_URL}: a
     * base image's {@code ENV} of that name would win over a build argument.
     */
    String pipOptions() {
        return (indexUrl == null ? "" : " --index-url \"$" + INDEX_ARG + "\"")
                + (extraIndexUrl == null ? "" : " --extra-index-url \"$" + EXTRA_INDEX_ARG + "\"");
    }
}
