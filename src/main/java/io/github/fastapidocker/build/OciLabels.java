package io.github.fastapidocker.build;

import io.github.fastapidocker.kernel.BuildLog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The OCI image labels ({@code org.opencontainers.image.*}) a project's own description gives,
 * then the user's labels, which win. No build time: the image stays reproducible.
 */
public final class OciLabels {
    static final String PREFIX = "org.opencontainers.image.";

    private OciLabels() {}

    /**
     * What the build tool knows of the project; any value may be {@code null}.
     *
     * @param title the project's name (or id)
     * @param version its version
     * @param description its description
     * @param url its home page
     * @param source its source repository
     */
    public record ProjectInfo(String title, String version, String description, String url, String source) {}

    /**
     * {@code scheme://user:token@host}: the user-info of a URL. A POM's {@code <url>} or SCM URL
     * sometimes carries a token; labels are in every pushed image, so it must not reach one.
     */
    private static final Pattern USER_INFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#@\\s]+@");

    /** The value with the user-info of every URL in it removed. */
    static String withoutUserInfo(String value) {
        return value == null ? null : USER_INFO.matcher(value).replaceAll("$1");
    }

    /** The labels, sorted by name; any URL's user-info removed, with a warning that names the label. */
    public static Map<String, String> of(ProjectInfo project, Map<String, String> userLabels, BuildLog log) {
        Map<String, String> given = new LinkedHashMap<>();
        given.put(PREFIX + "title", project.title());
        given.put(PREFIX + "version", project.version());
        given.put(PREFIX + "description", project.description());
        given.put(PREFIX + "url", project.url());
        given.put(PREFIX + "source", project.source());
        given.values().removeIf(v -> v == null || v.isBlank());
        given.replaceAll((k, v) -> v.strip());
        if (userLabels != null) {
            given.putAll(userLabels);
        }
        Map<String, String> result = new TreeMap<>();
        given.forEach((name, value) -> {
            String clean = withoutUserInfo(value);
            if (clean != null && !clean.equals(value)) {
                log.warn("Label " + name + " had a user name or password in a URL: left out of the image");
            }
            result.put(name, clean);
        });
        return result;
    }
}
