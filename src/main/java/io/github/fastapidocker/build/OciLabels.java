package io.github.fastapidocker.build;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

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

    /** The labels, sorted by name. */
    public static Map<String, String> of(ProjectInfo project, Map<String, String> userLabels) {
        Map<String, String> result = new TreeMap<>();
        Map<String, String> oci = new LinkedHashMap<>();
        oci.put("title", project.title());
        oci.put("version", project.version());
        oci.put("description", project.description());
        oci.put("url", project.url());
        oci.put("source", project.source());
        oci.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                result.put(PREFIX + k, v.strip());
            }
        });
        if (userLabels != null) {
            result.putAll(userLabels);
        }
        return result;
    }
}
