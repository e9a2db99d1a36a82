package io.github.fastapidocker.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fastapidocker.build.BaseImage;
import io.github.fastapidocker.docker.ImageReference;
import io.github.fastapidocker.kernel.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code target/fastapi-docker/push.json}: what the registry took, tag by tag, for the steps of
 * a release pipeline that come after Maven (deploy by digest, sign, record). No credentials.
 *
 * <pre>{"image": "...", "registry": "...",
 *  "tags": {"1.0": "sha256:..."},
 *  "layers": {"1.0": {"pushed": 1, "existing": 5}},
 *  "baseImages": [{"name": "python:3.14", "digest": "python@sha256:...", "id": "sha256:..."}]}</pre>
 */
public final class PushReport {
    public static final String FILE_NAME = "push.json";

    private PushReport() {}

    /** One pushed tag. */
    public record TagResult(
            String tag, String reference, String digest, int layersPushed, int layersExisting, long millis) {}

    /**
     * Writes the report.
     *
     * @param baseImages what {@code build} recorded the image was built on; empty when unknown
     */
    public static Path write(
            Path directory, ImageReference image, List<TagResult> results, List<BaseImage> baseImages) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("image", image.name());
        root.put("registry", image.registry());
        ObjectNode tags = root.putObject("tags");
        ObjectNode layers = root.putObject("layers");
        for (TagResult r : results) {
            tags.put(r.tag(), r.digest());
            layers.putObject(r.tag()).put("pushed", r.layersPushed()).put("existing", r.layersExisting());
        }
        ArrayNode bases = root.putArray("baseImages");
        for (BaseImage base : baseImages) {
            bases.addObject()
                    .put("name", base.name())
                    .put("digest", base.digest())
                    .put("id", base.id());
        }
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
            AtomicFiles.writeString(file, json.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file;
    }

    /** Removes a report of an earlier push, so a failed push never leaves a stale one behind. */
    public static void delete(Path directory) {
        try {
            Files.deleteIfExists(directory.resolve(FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory.resolve(FILE_NAME), e);
        }
    }
}
