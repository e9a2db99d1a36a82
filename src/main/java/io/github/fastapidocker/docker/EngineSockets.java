package io.github.fastapidocker.docker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Where the common engines put their socket, for when nothing names the engine and the default
 * socket is missing. In this order: Docker Desktop, rootless Docker, Colima, OrbStack, Rancher
 * Desktop, Podman; the first that exists wins. Pure: the environment, the home and the test for
 * "exists" are handed in.
 */
public final class EngineSockets {
    /** The docker CLI's default socket on Linux and macOS. */
    public static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");

    /** One place an engine puts its socket. */
    public record Place(String engine, Path socket) {
        @Override
        public String toString() {
            return engine + " " + socket;
        }
    }

    /**
     * What the search found.
     *
     * @param found the first place that exists, if any
     * @param tried every place looked at, in order, the default socket first
     */
    public record Search(Optional<Place> found, List<Place> tried) {
        /** The places tried, grouped by engine: "Docker Desktop (/a, /b), Podman (/c)". */
        public String triedPlaces() {
            Map<String, List<String>> byEngine = new java.util.LinkedHashMap<>();
            tried.forEach(p -> byEngine.computeIfAbsent(p.engine(), e -> new ArrayList<>())
                    .add(p.socket().toString()));
            return byEngine.entrySet().stream()
                    .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                    .collect(Collectors.joining(", "));
        }
    }

    private EngineSockets() {}

    /** The places after the default socket, in the order they are tried. */
    public static List<Place> candidates(Map<String, String> env, Path home) {
        List<Place> places = new ArrayList<>();
        places.add(new Place("Docker Desktop", home.resolve(".docker/run/docker.sock")));
        places.add(new Place("Docker Desktop", home.resolve(".docker/desktop/docker.sock")));
        Optional<Path> runtime = Optional.ofNullable(env.get("XDG_RUNTIME_DIR"))
                .map(String::trim)
                .filter(dir -> !dir.isEmpty())
                .map(Path::of);
        runtime.ifPresent(dir -> places.add(new Place("rootless Docker", dir.resolve("docker.sock"))));
        places.add(new Place("Colima", home.resolve(".colima/default/docker.sock")));
        places.add(new Place("Colima", home.resolve(".colima/docker.sock")));
        places.add(new Place("OrbStack", home.resolve(".orbstack/run/docker.sock")));
        places.add(new Place("Rancher Desktop", home.resolve(".rd/docker.sock")));
        runtime.ifPresent(dir -> places.add(new Place("Podman", dir.resolve("podman/podman.sock"))));
        places.add(new Place("Podman", Path.of("/run/podman/podman.sock")));
        return List.copyOf(places);
    }

    /** The default socket, then the candidates: the first that exists. */
    public static Search search(Map<String, String> env, Path home, Predicate<Path> exists) {
        List<Place> tried = new ArrayList<>();
        List<Place> places = new ArrayList<>();
        places.add(new Place("the default socket", DEFAULT_SOCKET));
        places.addAll(candidates(env, home));
        for (Place place : places) {
            tried.add(place);
            if (exists.test(place.socket())) {
                return new Search(Optional.of(place), List.copyOf(tried));
            }
        }
        return new Search(Optional.empty(), List.copyOf(tried));
    }
}
