package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The app's output reaches the build log bounded, and unable to rewrite the lines above it. */
class SmokeContainerTest {
    @Test
    void controlCharactersAreShownNotObeyed() {
        assertEquals(
                "Traceback\n\tline\\x0d[ERROR] fake\\x1b[2Kgone\\x00\\x08",
                SmokeContainer.shown("Traceback\n\tline\r[ERROR] fake\u001b[2Kgone\u0000\b"));
        assertEquals("caf\u00e9 \u2713", SmokeContainer.shown("caf\u00e9 \u2713"), "printable text stays");
    }

    @Test
    void aHugeTailKeepsItsEnd() {
        String shown = SmokeContainer.shown("x".repeat(1 << 20) + "\nthe last line");
        assertTrue(
                shown.startsWith(
                        "(the first " + ((1 << 20) + 14 - SmokeContainer.TAIL_CHARS) + " characters left out) "),
                shown.substring(0, 80));
        assertTrue(shown.endsWith("\nthe last line"));
        assertTrue(shown.length() < SmokeContainer.TAIL_CHARS + 100);
    }
}
