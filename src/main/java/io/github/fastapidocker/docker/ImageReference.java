package io.github.fastapidocker.docker;

import io.github.fastapidocker.docker.InvalidReferenceException.Kind;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image name (repository) checked against Docker's reference grammar
 * ({@code distribution/reference}), so a bad name fails before the engine is contacted; and the
 * one place that tells whether two references name the same image ({@link #same}), since engines
 * spell one name several ways.
 */
public final class ImageReference {
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
    private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final String LABEL = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern DOMAIN =
            Pattern.compile("(?:" + LABEL + "(?:\\." + LABEL + ")*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final int MAX_NAME_LENGTH = 255;

    /** Docker Hub, when the name carries no registry host. */
    public static final String DOCKER_HUB = "docker.io";

    /** Docker Hub's old name, which engines still accept for it. */
    private static final String DOCKER_HUB_INDEX = "index.docker.io";

    /** Podman's registry of images that came from no registry (built, loaded, tagged there). */
    private static final String LOCALHOST = "localhost";

    private final String registry;
    private final String path;

    private ImageReference(String registry, String path) {
        this.registry = registry;
        this.path = path;
    }

    /**
     * Parses an image name without tag or digest, for example {@code 127.0.0.1:5000/team/api}.
     *
     * @param name the name
     * @param what what the name is, the subject of the error message (for example {@code "image"})
     * @throws InvalidReferenceException when the grammar does not allow it
     */
    public static ImageReference parse(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new InvalidReferenceException(what, name, Kind.EMPTY, "must not be empty");
        }
        if (name.contains("@") || lastColonIsTag(name)) {
            throw new InvalidReferenceException(
                    what, name, Kind.TAG_OR_DIGEST, "must be an image name without tag or digest, was '" + name + "'");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidReferenceException(
                    what, name, Kind.TOO_LONG, "is longer than " + MAX_NAME_LENGTH + " characters: '" + name + "'");
        }
        String registry = null;
        String path = name;
        int slash = name.indexOf('/');
        if (slash > 0) {
            String first = name.substring(0, slash);
            if (first.contains(".")
                    || first.contains(":")
                    || first.equals("localhost")
                    || !first.equals(first.toLowerCase(Locale.ROOT))) {
                registry = first;
                path = name.substring(slash + 1);
                if (!DOMAIN.matcher(registry).matches()) {
                    throw new InvalidReferenceException(
                            what,
                            name,
                            Kind.REGISTRY_HOST,
                            "has an invalid registry host '" + registry + "' in '" + name + "'");
                }
            }
        }
        if (!PATH.matcher(path).matches()) {
            throw new InvalidReferenceException(
                    what,
                    name,
                    Kind.NAME,
                    "is not a valid image name: '" + name
                            + "' (lowercase letters, digits and separators . _ __ - between them, components separated by /)");
        }
        return new ImageReference(registry, path);
    }

    /**
     * Whether two references ({@code name}, {@code name:tag} or {@code name@digest}, as we write
     * them or as the engine lists them in {@code RepoTags}) name the same image. Docker's
     * normalisation: no registry is Docker Hub, a one-part Hub name is under {@code library/},
     * no tag is {@code latest}. And Podman's: what carries no registry is also found as
     * {@code localhost/NAME} (its images built or loaded from no registry), so {@code x:1},
     * {@code docker.io/library/x:1} and {@code localhost/x:1} are one image there. Lenient: an
     * engine's {@code <none>:<none>} is just a name that matches nothing we ask for.
     */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        Spelled x = Spelled.of(a);
        Spelled y = Spelled.of(b);
        return x.canonical().equals(y.canonical()) || x.localAlias(y) || y.localAlias(x);
    }

    /** Whether any of the engine's names for an image ({@code RepoTags}) is {@code reference} ({@link #same}). */
    public static boolean listed(Collection<String> names, String reference) {
        return names != null && names.stream().anyMatch(name -> same(name, reference));
    }

    /**
     * A reference split as written: registry ({@code null} when it names none), path, and
     * {@code :tag} or {@code @digest} ({@code :latest} when it gives neither).
     */
    private record Spelled(String registry, String path, String version) {
        static Spelled of(String reference) {
            String rest = reference.strip();
            String version;
            int at = rest.indexOf('@');
            if (at >= 0) {
                version = rest.substring(at);
                rest = rest.substring(0, at);
            } else if (lastColonIsTag(rest)) {
                int colon = rest.lastIndexOf(':');
                version = rest.substring(colon);
                rest = rest.substring(0, colon);
            } else {
                version = ":latest";
            }
            int slash = rest.indexOf('/');
            if (slash > 0) {
                String first = rest.substring(0, slash);
                if (first.contains(".")
                        || first.contains(":")
                        || first.equals(LOCALHOST)
                        || !first.equals(first.toLowerCase(Locale.ROOT))) {
                    return new Spelled(first, rest.substring(slash + 1), version);
                }
            }
            return new Spelled(null, rest, version);
        }

        /** Docker's full form: {@code docker.io/library/x:latest} for {@code x}. */
        String canonical() {
            String host = registry == null || registry.equals(DOCKER_HUB_INDEX) ? DOCKER_HUB : registry;
            String fullPath = host.equals(DOCKER_HUB) && !path.contains("/") ? "library/" + path : path;
            return host + "/" + fullPath + version;
        }

        /** Podman's: this names no registry and {@code other} is the same name under {@code localhost/}. */
        boolean localAlias(Spelled other) {
            return registry == null
                    && LOCALHOST.equals(other.registry)
                    && path.equals(other.path)
                    && version.equals(other.version);
        }
    }

    private static boolean lastColonIsTag(String name) {
        // A colon after the last slash separates a tag; one before it belongs to host:port.
        return name.indexOf(':', name.lastIndexOf('/') + 1) >= 0;
    }

    /**
     * Checks one tag against Docker's grammar ({@code [\w][\w.-]{0,127}}).
     *
     * @param what what the tag is, the subject of the error message (for example {@code "tags"})
     * @throws InvalidReferenceException when the grammar does not allow it
     */
    public static String validateTag(String tag, String what) {
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw new InvalidReferenceException(
                    what,
                    tag,
                    Kind.TAG,
                    "has an invalid tag '" + tag
                            + "' (letters, digits, _ . - ; must not start with . or -; at most 128 characters)");
        }
        return tag;
    }

    /** The registry host[:port], or {@link #DOCKER_HUB} when the name has none. */
    public String registry() {
        return registry == null ? DOCKER_HUB : registry;
    }

    /** Whether the name named its registry explicitly. */
    public boolean hasExplicitRegistry() {
        return registry != null;
    }

    /** The name as given: registry (if any) and path. */
    public String name() {
        return registry == null ? path : registry + "/" + path;
    }

    /** {@code name:tag}. */
    public String withTag(String tag) {
        return name() + ":" + tag;
    }

    @Override
    public String toString() {
        return name();
    }
}
