package io.github.fastapidocker.build;

import io.github.fastapidocker.docker.EngineIdentity;
import io.github.fastapidocker.kernel.AtomicFiles;
import io.github.fastapidocker.kernel.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code build} made, kept in {@code target/fastapi-docker/image.properties} so that
 * {@code smoke} and {@code push} work in a later Maven invocation.
 *
 * @param imageId the image id ({@code sha256:...})
 * @param image the image name without tag
 * @param tags every tag applied
 * @param command the server command of a generated Dockerfile, or empty for a user's Dockerfile
 * @param port the container port the server listens on
 * @param engine which engine built it ({@code engine.name}, {@code engine.version},
 *     {@code engine.apiVersion} in the file; {@link EngineIdentity#UNKNOWN} in a record without them)
 * @param baseImages what the image was built on, in {@code FROM} order (provenance)
 */
public record BuildRecord(
        String imageId,
        String image,
        List<String> tags,
        List<String> command,
        int port,
        EngineIdentity engine,
        List<BaseImage> baseImages) {
    public static final String FILE_NAME = "image.properties";
    /** Separates command arguments in the file; a unit separator never occurs in them. */
    private static final String ARG_SEPARATOR = "\u001f";

    public BuildRecord {
        engine = engine == null ? EngineIdentity.UNKNOWN : engine;
        baseImages = baseImages == null ? List.of() : List.copyOf(baseImages);
    }

    /** A record that names no base image. */
    public BuildRecord(
            String imageId, String image, List<String> tags, List<String> command, int port, EngineIdentity engine) {
        this(imageId, image, tags, command, port, engine, List.of());
    }

    /** A record that names neither engine nor base image. */
    public BuildRecord(String imageId, String image, List<String> tags, List<String> command, int port) {
        this(imageId, image, tags, command, port, EngineIdentity.UNKNOWN, List.of());
    }

    public void write(Path directory) {
        StringBuilder out = new StringBuilder("# Written by fastapi-docker-maven-plugin's build goal\n");
        out.append("imageId=").append(escape(imageId)).append('\n');
        out.append("image=").append(escape(image)).append('\n');
        out.append("tags=").append(escape(String.join(",", tags))).append('\n');
        out.append("command=")
                .append(escape(String.join(ARG_SEPARATOR, command)))
                .append('\n');
        out.append("port=").append(port).append('\n');
        property(out, "engine.name", engine.name());
        property(out, "engine.version", engine.version());
        property(out, "engine.apiVersion", engine.apiVersion());
        for (int i = 0; i < baseImages.size(); i++) {
            BaseImage base = baseImages.get(i);
            out.append("baseImage.")
                    .append(i)
                    .append(".name=")
                    .append(escape(base.name()))
                    .append('\n');
            if (base.digest() != null) {
                out.append("baseImage.")
                        .append(i)
                        .append(".digest=")
                        .append(escape(base.digest()))
                        .append('\n');
            }
            out.append("baseImage.")
                    .append(i)
                    .append(".id=")
                    .append(escape(base.id()))
                    .append('\n');
        }
        try {
            Files.createDirectories(directory);
            AtomicFiles.writeString(directory.resolve(FILE_NAME), out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + directory.resolve(FILE_NAME), e);
        }
    }

    public static Optional<BuildRecord> read(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw damaged(file, e);
        }
        String command = p.getProperty("command", "");
        int port;
        try {
            port = Integer.parseInt(p.getProperty("port", "80").trim());
        } catch (NumberFormatException e) {
            throw damaged(file, e);
        }
        return Optional.of(new BuildRecord(
                p.getProperty("imageId"),
                p.getProperty("image"),
                Arrays.stream(p.getProperty("tags", "").split(","))
                        .filter(t -> !t.isBlank())
                        .toList(),
                command.isEmpty() ? List.of() : List.of(command.split(ARG_SEPARATOR, -1)),
                port,
                new EngineIdentity(
                        p.getProperty("engine.name"),
                        p.getProperty("engine.version"),
                        p.getProperty("engine.apiVersion")),
                baseImages(p)));
    }

    /** The plugin wrote the file; one it cannot read was changed or cut short: build again. */
    private static ConfigurationException damaged(Path file, Exception e) {
        return new ConfigurationException("Cannot read the build record " + file + " (" + e.getMessage()
                + "): it was changed or cut short. Run the build goal again, which writes it anew");
    }

    private static void property(StringBuilder out, String key, String value) {
        if (value != null) {
            out.append(key).append('=').append(escape(value)).append('\n');
        }
    }

    private static List<BaseImage> baseImages(Properties p) {
        List<BaseImage> bases = new ArrayList<>();
        for (int i = 0; p.getProperty("baseImage." + i + ".name") != null; i++) {
            bases.add(new BaseImage(
                    p.getProperty("baseImage." + i + ".name"),
                    p.getProperty("baseImage." + i + ".digest"),
                    p.getProperty("baseImage." + i + ".id")));
        }
        return List.copyOf(bases);
    }

    /** Properties-file escaping for values we write ourselves. */
    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '=', ':', '#', '!' -> out.append('\\').append(c);
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
