package io.github.fastapidocker.build;

import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.dockerfile.DockerfileInspector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An image a build started {@code FROM}, as the engine knows it once the build has pulled it: the
 * provenance a pipeline records (what the image was built on), in the build record and the reports.
 *
 * @param name as the Dockerfile names it, for example {@code python:3.14}
 * @param digest its repo digest ({@code python@sha256:...}) when the engine knows one, else
 *     {@code null}: an image built or imported on this engine has none
 * @param id the engine's image id ({@code sha256:...})
 */
public record BaseImage(String name, String digest, String id) {

    /** The digest when there is one, else the id: what identifies the base image best. */
    public String provenance() {
        return digest != null ? digest : id;
    }

    /**
     * The base images of {@code dockerfile} that the engine has, in {@code FROM} order, each once;
     * one named through a build argument ({@code FROM $BASE}) is left out.
     */
    static List<BaseImage> of(DockerEngine engine, String dockerfile) {
        List<BaseImage> found = new ArrayList<>();
        for (String name : DockerfileInspector.baseImages(dockerfile)) {
            if (name.contains("$") || found.stream().anyMatch(b -> b.name().equals(name))) {
                continue;
            }
            engine.inspectImage(name).ifPresent(info -> found.add(of(name, info)));
        }
        return List.copyOf(found);
    }

    static BaseImage of(String name, DockerEngine.ImageInfo info) {
        return new BaseImage(name, repoDigest(name, info.repoDigests()).orElse(null), info.id());
    }

    /**
     * The repo digest of {@code name}'s repository; a name that is itself a digest reference is its
     * own. When the engine lists several repositories, the one named; when it lists one, that one.
     */
    static Optional<String> repoDigest(String name, List<String> repoDigests) {
        if (name.contains("@sha256:")) {
            return Optional.of(name);
        }
        String repository = repository(name);
        for (String digest : repoDigests) {
            int at = digest.indexOf('@');
            if (at > 0 && sameRepository(digest.substring(0, at), repository)) {
                return Optional.of(digest);
            }
        }
        return repoDigests.size() == 1 ? Optional.of(repoDigests.get(0)) : Optional.empty();
    }

    /** {@code python} of {@code python:3.14}; a registry port's colon is not a tag. */
    static String repository(String name) {
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        return colon > slash ? name.substring(0, colon) : name;
    }

    /** Docker Hub's official images answer to {@code python} and {@code docker.io/library/python}. */
    private static boolean sameRepository(String a, String b) {
        return normalized(a).equals(normalized(b));
    }

    private static String normalized(String repository) {
        String r = repository.startsWith("docker.io/") ? repository.substring("docker.io/".length()) : repository;
        return r.startsWith("library/") ? r.substring("library/".length()) : r;
    }
}
