package io.github.fastapidocker.docker;

import io.github.fastapidocker.maven.MavenHints;

/**
 * A deliberate upward import, for {@code ArchitectureTest} to show that its rule fails on one. It
 * lives in test sources only, so the real rule never sees it.
 */
public final class UpwardImportFixture {
    private UpwardImportFixture() {}

    public static String upward() {
        return MavenHints.INSTANCE.toString();
    }
}
