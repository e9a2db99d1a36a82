package io.github.fastapidocker.kernel;

import java.util.Locale;

/**
 * The characters no line the plugin writes or shows may carry as they are: control characters,
 * and the line separators Python's {@code str.splitlines()} breaks at besides newline (U+0085,
 * U+2028, U+2029), which pip reads a requirements file with. A tab is text.
 */
public final class ControlCharacters {
    private ControlCharacters() {}

    public static boolean is(int c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
    }

    /** Whether {@code text} holds one. */
    public static boolean in(String text) {
        return text.chars().anyMatch(ControlCharacters::is);
    }

    /**
     * {@code text} with each of them written as {@code \xNN} (or {@code \\uNNNN}), but those in
     * {@code keep} (a newline, where the text is lines).
     */
    public static String visible(String text, String keep) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            if (is(c) && keep.indexOf(c) < 0) {
                out.append(String.format(Locale.ROOT, c < 0x100 ? "\\x%02x" : "\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }
}
