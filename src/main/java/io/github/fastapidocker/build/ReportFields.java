package io.github.fastapidocker.build;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fastapidocker.docker.EngineIdentity;
import java.util.List;

/** The fields every JSON report ({@code smoke.json}, {@code push.json}) writes the same way. */
public final class ReportFields {
    private ReportFields() {}

    /** {@code "engine": {"name", "version", "apiVersion"}}, or {@code null} when it did not say. */
    public static void engine(ObjectNode root, EngineIdentity engine) {
        if (engine != null && engine.known()) {
            root.putObject("engine")
                    .put("name", engine.name())
                    .put("version", engine.version())
                    .put("apiVersion", engine.apiVersion());
        } else {
            root.putNull("engine");
        }
    }

    /** {@code "baseImages": [{"name", "digest", "id"}]}, the build's provenance. */
    public static void baseImages(ObjectNode root, List<BaseImage> baseImages) {
        ArrayNode bases = root.putArray("baseImages");
        for (BaseImage base : baseImages) {
            bases.addObject()
                    .put("name", base.name())
                    .put("digest", base.digest())
                    .put("id", base.id());
        }
    }
}
