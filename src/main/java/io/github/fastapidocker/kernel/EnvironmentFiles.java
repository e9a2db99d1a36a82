package io.github.fastapidocker.kernel;

import java.util.regex.Pattern;

/** Environment files ({@code .env}, {@code .env.local}, {@code .env.prod}): secrets, never let into an image by a side way. */
public final class EnvironmentFiles {
    private static final Pattern NAME = Pattern.compile("\\.env(\\..*)?");

    private EnvironmentFiles() {}

    /** Whether a file of this name (no directory) is one. */
    public static boolean is(String fileName) {
        return NAME.matcher(fileName).matches();
    }
}
