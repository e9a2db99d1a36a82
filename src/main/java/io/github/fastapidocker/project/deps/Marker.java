package io.github.fastapidocker.project.deps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * When a package is needed: an OR of ANDs of the environment markers met on the way to it. The
 * markers are kept as written (opaque), so the form is the minimal one of a formula without
 * negation: a conjunction that contains another is dropped. The same edges always give the same
 * text.
 */
final class Marker {
    private static final Comparator<Set<String>> ORDER =
            Comparator.<Set<String>>comparingInt(Set::size).thenComparing(Set::toString);

    /** Always needed. */
    static final Marker ALWAYS = new Marker(Set.of(Set.of()));
    /** Never reached. */
    static final Marker NEVER = new Marker(Set.of());

    private final Set<Set<String>> terms;

    private Marker(Set<Set<String>> terms) {
        this.terms = terms;
    }

    /** A single edge marker; blank means always. */
    static Marker of(String marker) {
        if (marker == null || marker.isBlank()) {
            return ALWAYS;
        }
        return new Marker(Set.of(Set.of(marker.trim())));
    }

    Marker and(Marker other) {
        List<Set<String>> product = new ArrayList<>();
        for (Set<String> a : terms) {
            for (Set<String> b : other.terms) {
                Set<String> term = new TreeSet<>(a);
                term.addAll(b);
                product.add(term);
            }
        }
        return minimal(product);
    }

    Marker or(Marker other) {
        List<Set<String>> all = new ArrayList<>(terms);
        all.addAll(other.terms);
        return minimal(all);
    }

    boolean always() {
        return terms.contains(Set.of());
    }

    private static Marker minimal(List<Set<String>> terms) {
        terms.sort(ORDER);
        List<Set<String>> kept = new ArrayList<>();
        for (Set<String> term : terms) {
            if (kept.stream().noneMatch(term::containsAll)) {
                kept.add(Set.copyOf(term));
            }
        }
        return new Marker(Set.copyOf(kept));
    }

    /** The PEP 508 text, or the empty string when always needed. */
    String text() {
        if (always()) {
            return "";
        }
        List<String> parts = terms.stream()
                .map(term -> term.stream()
                        .sorted()
                        .map(atom -> term.size() > 1 && atom.contains(" or ") ? "(" + atom + ")" : atom)
                        .collect(Collectors.joining(" and ")))
                .map(term -> terms.size() > 1 && term.contains(" and ") ? "(" + term + ")" : term)
                .sorted()
                .toList();
        return String.join(" or ", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Marker m && m.terms.equals(terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    @Override
    public String toString() {
        return always() ? "(always)" : text();
    }
}
