package io.github.fastapidocker.project.deps;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The walk through a lock from the project's own dependencies: which packages are needed, and
 * under which markers (the edge markers along each path, ANDed, the paths ORed). A node is a
 * package, or one of its extras; an edge may ask for extras of its target.
 */
final class LockGraph {
    /**
     * A dependency as a lock writes it.
     *
     * @param target the normalized package name
     * @param extras the target's extras it asks for
     * @param marker the edge's environment marker, or {@code null}
     */
    record Edge(String target, List<String> extras, String marker) {}

    /** The lock's side of the walk. */
    interface Lock {
        /** The edges of a package ({@code extra == null}) or of one of its extras. */
        List<Edge> edges(String pkg, String extra);
    }

    private LockGraph() {}

    /** Every package reached from {@code roots}, by name, with when it is needed. */
    static Map<String, Marker> walk(List<Edge> roots, Lock lock) {
        Map<String, Marker> nodes = new HashMap<>();
        Deque<String> work = new ArrayDeque<>();
        for (Edge edge : roots) {
            reach(nodes, work, edge, Marker.ALWAYS);
        }
        while (!work.isEmpty()) {
            String node = work.pop();
            Marker marker = nodes.get(node);
            int bracket = node.indexOf('[');
            String pkg = bracket < 0 ? node : node.substring(0, bracket);
            String extra = bracket < 0 ? null : node.substring(bracket + 1, node.length() - 1);
            for (Edge edge : lock.edges(pkg, extra)) {
                reach(nodes, work, edge, marker);
            }
        }
        Map<String, Marker> packages = new TreeMap<>();
        nodes.forEach((node, marker) -> {
            int bracket = node.indexOf('[');
            packages.merge(bracket < 0 ? node : node.substring(0, bracket), marker, Marker::or);
        });
        return packages;
    }

    private static void reach(Map<String, Marker> nodes, Deque<String> work, Edge edge, Marker from) {
        Marker marker = from.and(Marker.of(edge.marker()));
        add(nodes, work, edge.target(), marker);
        for (String extra : edge.extras()) {
            add(nodes, work, edge.target() + "[" + Names.normalize(extra) + "]", marker);
        }
    }

    private static void add(Map<String, Marker> nodes, Deque<String> work, String node, Marker marker) {
        Marker before = nodes.getOrDefault(node, Marker.NEVER);
        Marker after = before.or(marker);
        if (!after.equals(before)) {
            nodes.put(node, after);
            work.push(node);
        }
    }
}
