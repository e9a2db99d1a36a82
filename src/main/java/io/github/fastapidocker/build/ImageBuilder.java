package io.github.fastapidocker.build;

import io.github.fastapidocker.docker.BuildFailedException;
import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.EngineException;
import io.github.fastapidocker.docker.ImageReference;
import io.github.fastapidocker.dockerfile.DockerfileInspector;
import io.github.fastapidocker.kernel.AtomicFiles;
import io.github.fastapidocker.kernel.BuildLog;
import io.github.fastapidocker.kernel.Fingerprint;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Builds a planned image on an engine, records it and reports what happened. */
public final class ImageBuilder {
    public static final String CONTEXT_TAR = "context.tar";
    /** The image id and the fingerprint it was built from, for the up-to-date check. */
    public static final String FINGERPRINT = "build.fingerprint";

    private final DockerEngine engine;
    private final BuildLog log;
    private final Hints hints;

    public ImageBuilder(DockerEngine engine, BuildLog log, Hints hints) {
        this.engine = engine;
        this.log = log;
        this.hints = hints;
    }

    /** What a build produced. */
    public record Result(
            String imageId,
            List<String> references,
            long size,
            List<String> steps,
            List<String> cachedSteps,
            long contextBytes,
            long millis) {}

    /** Writes the Dockerfile the plan holds; the {@code dockerfile} goal's whole job. */
    public static Path writeDockerfile(BuildPlan plan, Path outputDirectory) {
        Path file = outputDirectory.resolve(BuildPlan.DOCKERFILE);
        try {
            Files.createDirectories(outputDirectory);
            AtomicFiles.writeString(file, plan.dockerfile());
            // What else the plugin generated (a requirements file from uv.lock), to look at beside it.
            for (var entry : plan.context().generated().entrySet()) {
                if (!entry.getKey().equals(BuildPlan.DOCKERFILE)) {
                    byte[] content = entry.getValue();
                    AtomicFiles.write(outputDirectory.resolve(entry.getKey()), out -> out.write(content));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file;
    }

    /**
     * Builds, tags and records the image, or records the last one when nothing changed.
     *
     * @param settings already validated ({@link BuildSettings#validate(Hints)})
     */
    public Result build(BuildPlan plan, BuildSettings settings, int port) {
        try (ContextTar context = ContextTar.write(plan, settings.outputDirectory(), log)) {
            return build(context, settings, port);
        }
    }

    /**
     * Builds from a context already written ({@link ContextTar#write}).
     *
     * @param settings already validated ({@link BuildSettings#validate(Hints)})
     */
    public Result build(ContextTar context, BuildSettings settings, int port) {
        BuildPlan plan = context.plan();
        Path tar = context.tar();
        long start = context.startNanos();
        long contextBytes = context.bytes();

        Optional<Fingerprinted> fingerprint = fingerprint(plan, settings, tar);
        Path fingerprintFile = settings.outputDirectory().resolve(FINGERPRINT);
        Optional<DockerEngine.ImageInfo> unchanged =
                fingerprint.flatMap(f -> unchanged(f.hex(), fingerprintFile, settings));
        if (unchanged.isPresent()) {
            DockerEngine.ImageInfo info = unchanged.get();
            log.info("Image " + info.id() + " is up to date: same context, settings and base image as the last build"
                    + " (" + hints.set(Setting.NO_CACHE, "true") + " builds anyway)");
            // The base images as the fingerprint just found them: the same, or it would differ.
            List<BaseImage> bases = fingerprint.get().bases();
            record(plan, settings, port, info.id(), bases);
            Result result = new Result(
                    info.id(),
                    settings.references(),
                    info.size(),
                    List.of(),
                    List.of(),
                    contextBytes,
                    (System.nanoTime() - start) / 1_000_000);
            new BuildSummary(log).print(result, true, engine.identity(), engine.host(), bases);
            return result;
        }
        Fingerprint.Recorded.delete(fingerprintFile);

        long buildStart = System.nanoTime();
        log.info("Building " + String.join(", ", settings.references()) + " on " + engine.host());
        BuildOutput output = new BuildOutput(log);
        String imageId;
        try {
            imageId = engine.build(
                    new DockerEngine.BuildRequest(
                            tar,
                            settings.references(),
                            settings.engineBuildArgs(),
                            plan.engineLabels(),
                            settings.network(),
                            settings.noCache(),
                            settings.pull()),
                    output::accept);
        } catch (BuildFailedException e) {
            output.finish();
            // The output was streamed to the log as it came: the message does not repeat it.
            String above = output.tail().isEmpty() ? "" : " (the build output is above)";
            throw new BuildFailedException(
                    BaseImagePull.message(output.currentStep(), e.getMessage(), plan.generated(), hints)
                            .map(message -> message + above)
                            .orElseGet(() -> "Image build failed"
                                    + (output.currentStep() != null ? " at " + output.currentStep() : "")
                                    + refused(plan, output) + ": " + e.getMessage() + above));
        }
        output.finish();
        log.debug("timing: engine build " + (System.nanoTime() - buildStart) / 1_000_000 + " ms");

        DockerEngine.ImageInfo info = engine.inspectImage(imageId)
                .orElseThrow(
                        () -> new EngineException("The engine reported image " + imageId + " but does not have it"));
        KeptHealthcheck.check(plan, info, engine.identity(), hints, log);
        for (String reference : settings.references()) {
            if (!ImageReference.listed(info.repoTags(), reference)) {
                // Older engines apply tags lazily; make sure every tag names this image.
                int colon = reference.lastIndexOf(':');
                engine.tag(info.id(), reference.substring(0, colon), reference.substring(colon + 1));
            }
        }
        // Asked again: the build may have pulled a base image it did not have.
        List<BaseImage> bases = BaseImage.of(engine, plan.dockerfile());
        record(plan, settings, port, info.id(), bases);
        fingerprint.ifPresent(f -> new Fingerprint.Recorded(info.id(), f.hex()).write(fingerprintFile));
        Result result = new Result(
                info.id(),
                settings.references(),
                info.size(),
                output.steps(),
                output.cachedSteps(),
                contextBytes,
                (System.nanoTime() - start) / 1_000_000);
        new BuildSummary(log).print(result, false, engine.identity(), engine.host(), bases);
        return result;
    }

    /**
     * Which file the engine refused, when it refused the user's Dockerfile before any step ran (a
     * parse error names only a line): that file and the setting that chose it.
     */
    private String refused(BuildPlan plan, BuildOutput output) {
        return plan.userDockerfile() == null || output.currentStep() != null
                ? ""
                : " (the engine refused " + plan.userDockerfile() + ", " + hints.name(Setting.DOCKERFILE) + ")";
    }

    /** Records what was built, on what base images, and by which engine. */
    private void record(BuildPlan plan, BuildSettings settings, int port, String imageId, List<BaseImage> bases) {
        List<String> command = plan.command() == null ? List.of() : plan.command();
        new BuildRecord(imageId, settings.image().name(), settings.tags(), command, port, engine.identity(), bases)
                .write(settings.outputDirectory());
    }

    /**
     * What decides the image: the context (the Dockerfile is in it), every build setting, and the
     * id of each base image. Empty when a build must always run: no cache wanted, a pull asked
     * for, or a base image named through a build argument (its id is not known before building).
     */
    Optional<Fingerprinted> fingerprint(BuildPlan plan, BuildSettings settings, Path tar) {
        if (settings.noCache() || settings.pull()) {
            return Optional.empty();
        }
        Fingerprint f = new Fingerprint()
                .addFile("context", tar)
                .add("references", settings.references())
                .add("buildArgs", new TreeMap<>(settings.buildArgs()))
                // Which logins, not their secrets: a new password needs no new image.
                .add(
                        "secretBuildArgs",
                        new java.util.TreeSet<>(settings.secretBuildArgs().keySet()))
                .add("labels", new TreeMap<>(plan.engineLabels()))
                .add("network", settings.network());
        List<BaseImage> bases = new java.util.ArrayList<>();
        for (String base : DockerfileInspector.baseImages(plan.dockerfile())) {
            if (base.contains("$")) {
                return Optional.empty();
            }
            Optional<DockerEngine.ImageInfo> image = engine.inspectImage(base);
            if (image.isEmpty()) {
                return Optional.empty();
            }
            f.add("base " + base, image.get().id());
            if (bases.stream().noneMatch(b -> b.name().equals(base))) {
                bases.add(BaseImage.of(base, image.get()));
            }
        }
        return Optional.of(new Fingerprinted(f.hex(), List.copyOf(bases)));
    }

    /** A build's fingerprint, and the base images as the engine had them when it was taken. */
    record Fingerprinted(String hex, List<BaseImage> bases) {}

    /** The image of the last build when it was made from the same fingerprint and still carries every tag. */
    private Optional<DockerEngine.ImageInfo> unchanged(
            String fingerprint, Path fingerprintFile, BuildSettings settings) {
        return Fingerprint.Recorded.read(fingerprintFile)
                .filter(r -> r.fingerprint().equals(fingerprint))
                .flatMap(r -> engine.inspectImage(r.id()))
                .filter(info -> settings.references().stream()
                        .allMatch(reference -> ImageReference.listed(info.repoTags(), reference)));
    }
}
