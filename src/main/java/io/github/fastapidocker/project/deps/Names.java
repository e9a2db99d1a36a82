package io.github.fastapidocker.project.deps;

import java.util.Locale;

/** Package names as pip compares them (PEP 503): lower case, runs of {@code -_.} as one {@code -}. */
final class Names {
    private Names() {}

    static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
