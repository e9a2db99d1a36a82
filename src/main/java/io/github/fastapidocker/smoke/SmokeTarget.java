package io.github.fastapidocker.smoke;

import io.github.fastapidocker.build.BaseImage;
import io.github.fastapidocker.build.BuildRecord;
import io.github.fastapidocker.docker.DockerEngine;
import io.github.fastapidocker.docker.ImageReference;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Fingerprint;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The image to run, and whether it already passed: the same image id under the same settings
 * gives the same verdict, recorded in {@link #FINGERPRINT} beside {@code smoke.json}.
 *
 * @param name as the user knows it ({@code name:tag})
 * @param reference what the engine runs (the recorded image id, else {@code name:tag})
 * @param imageId the engine's id of the image
 * @param command the server command of a generated Dockerfile, or {@code null} for the image's own
 * @param port the port the server listens on inside the container
 * @param user the user the image runs its processes as ({@code USER}), empty for root
 * @param healthcheck whether the image has a health check the engine runs
 * @param baseImages what {@code build} recorded the image was built on; empty when unknown
 */
record SmokeTarget(
        String name,
        String reference,
        String imageId,
        List<String> command,
        int port,
        String user,
        boolean healthcheck,
        List<BaseImage> baseImages) {
    /** The image id that passed and the fingerprint of the settings it passed with. */
    static final String FINGERPRINT = "smoke.fingerprint";

    /** A target as the build records it, before the engine was asked about the image. */
    SmokeTarget(String name, String reference, String imageId, List<String> command, int port) {
        this(name, reference, imageId, command, port, "", false, List.of());
    }

    /** Whether the image says its processes run as someone other than root. */
    boolean nonRootUser() {
        String account = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        return !account.isEmpty() && !account.equals("0") && !account.equals("root");
    }

    /**
     * What {@code build} recorded for the configured image, else the configured {@code image:tag},
     * with the id the engine knows it by.
     *
     * @throws ConfigurationException when there is no image to test or the engine does not have it
     */
    static SmokeTarget find(DockerEngine engine, SmokeSettings settings, Hints hints) {
        Optional<SmokeTarget> recorded = recorded(settings);
        SmokeTarget target;
        if (recorded.isPresent()) {
            target = recorded.get();
        } else if (settings.image() != null && settings.tag() != null) {
            String name = settings.image() + ":" + settings.tag();
            target = new SmokeTarget(name, name, null, null, settings.configuredPort());
        } else {
            throw new ConfigurationException("No image to smoke-test: the build goal recorded none in "
                    + settings.outputDirectory().resolve(BuildRecord.FILE_NAME)
                    + " and " + hints.name(Setting.TAGS) + " names none. Run the build goal first ("
                    + hints.command(Hints.Step.BUILD) + "), or set " + hints.name(Setting.IMAGE) + " and "
                    + hints.name(Setting.TAGS) + ".");
        }
        SmokeTarget found = target;
        DockerEngine.ImageInfo image = engine.inspectImage(target.reference())
                .orElseThrow(() -> new ConfigurationException("Image " + found.name()
                        + (found.reference().equals(found.name()) ? "" : " (" + found.reference() + ")")
                        + " not found on the engine at " + engine.host() + ". Run the build goal first ("
                        + hints.command(Hints.Step.BUILD) + "), or set " + hints.name(Setting.IMAGE) + " and "
                        + hints.name(Setting.TAGS) + " to an image the engine has."));
        return new SmokeTarget(
                target.name(),
                target.reference(),
                image.id(),
                target.command(),
                target.port(),
                image.user(),
                image.hasHealthcheck(),
                target.baseImages());
    }

    /**
     * What {@code build} recorded for the configured image, its id as recorded; the engine not
     * asked (so neither the image's user nor its health check known).
     */
    static Optional<SmokeTarget> recorded(SmokeSettings settings) {
        return BuildRecord.read(settings.outputDirectory())
                .filter(r -> r.imageId() != null
                        && (settings.image() == null || ImageReference.same(settings.image(), r.image())))
                .map(r -> new SmokeTarget(
                        r.tags().isEmpty()
                                ? r.image()
                                : r.image() + ":" + r.tags().get(0),
                        r.imageId(),
                        r.imageId(),
                        r.command().isEmpty() ? null : r.command(),
                        r.port(),
                        "",
                        false,
                        r.baseImages()));
    }

    /** Whether this very image already passed with these settings, probed at {@code host}. */
    boolean passedBefore(SmokeSettings settings, ProbeHost host) {
        Optional<Fingerprint.Recorded> earlier = Fingerprint.Recorded.read(fingerprintFile(settings));
        return earlier.isPresent()
                && earlier.get().id().equals(imageId)
                && earlier.get().fingerprint().equals(fingerprint(settings, host));
    }

    /** Forgets an earlier pass: a run that fails now must not leave it standing. */
    void forgetPass(SmokeSettings settings) {
        Fingerprint.Recorded.delete(fingerprintFile(settings));
    }

    /** Records that this image passed with these settings, probed at {@code host}. */
    void recordPass(SmokeSettings settings, ProbeHost host) {
        new Fingerprint.Recorded(imageId, fingerprint(settings, host)).write(fingerprintFile(settings));
    }

    /** Everything that decides the verdict besides the image itself. */
    String fingerprint(SmokeSettings settings, ProbeHost host) {
        return new Fingerprint()
                .add("image", imageId)
                .add("command", command)
                .add("port", port)
                .add("network", settings.network())
                .add("host", host.host())
                .add("probes", settings.effectiveProbes())
                .add("timeout", settings.timeout())
                .add("stopTimeout", settings.stopTimeoutSeconds())
                .add("gracefulStop", settings.gracefulStop())
                .add("env", new TreeMap<>(settings.env()))
                .hex();
    }

    private static Path fingerprintFile(SmokeSettings settings) {
        return settings.outputDirectory().resolve(FINGERPRINT);
    }
}
