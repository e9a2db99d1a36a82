package io.github.fastapidocker.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fastapidocker.build.BaseImage;
import io.github.fastapidocker.build.ReportFields;
import io.github.fastapidocker.docker.EngineIdentity;
import io.github.fastapidocker.docker.ImageReference;
import io.github.fastapidocker.docker.json.JsonTrees;
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
 *  "engine": {"name": "Docker Engine", "version": "28.5.2", "apiVersion": "1.51"},
 *  "tags": {"1.0": "sha256:..."},
 *  "layers": {"1.0": {"reported": true, "pushed": 1, "existing": 5}},
 *  "baseImages": [{"name": "python:3.14", "digest": "python@sha256:...", "id": "sha256:..."}]}</pre>
 *
 * <p>An engine that sends no per-layer events (Podman) gives {@code {"reported": false, "pushed":
 * null, "existing": null}}: not counted, rather than counted as none.
 */
public final class PushReport {
    public static final String FILE_NAME = "push.json";

    private PushReport() {}

    /**
     * One pushed tag.
     *
     * @param layersPushed layers uploaded, or {@code null} when the engine did not tell
     * @param layersExisting layers the registry already had, or {@code null} when the engine did not tell
     */
    public record TagResult(
            String tag, String reference, String digest, Integer layersPushed, Integer layersExisting, long millis) {
        /** Whether the engine told how many layers went up. */
        public boolean layersReported() {
            return layersPushed != null && layersExisting != null;
        }
    }

    /**
     * Writes the report.
     *
     * @param engine which engine pushed
     * @param baseImages what {@code build} recorded the image was built on; empty when unknown
     */
    public static Path write(
            Path directory,
            ImageReference image,
            List<TagResult> results,
            EngineIdentity engine,
            List<BaseImage> baseImages) {
        ObjectNode root = JsonTrees.object();
        root.put("image", image.name());
        root.put("registry", image.registry());
        ReportFields.engine(root, engine);
        ObjectNode tags = root.putObject("tags");
        ObjectNode layers = root.putObject("layers");
        for (TagResult r : results) {
            tags.put(r.tag(), r.digest());
            layers.putObject(r.tag())
                    .put("reported", r.layersReported())
                    .put("pushed", r.layersPushed())
                    .put("existing", r.layersExisting());
        }
        ReportFields.baseImages(root, baseImages);
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
            AtomicFiles.writeString(file, JsonTrees.writePretty(root) + "\n");
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
