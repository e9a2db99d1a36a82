package io.github.fastapidocker.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The one short form of an id. (That the port imports nothing of ours and speaks no Maven is
 * {@code ArchitectureTest}'s and {@code MavenWordingTest}'s job.)
 */
class ShortIdTest {
    @Test
    void shortIds() {
        assertEquals(
                "04cccff8a6cd",
                DockerEngine.shortId("sha256:04cccff8a6cd58dce81fa2eebc8131be70a34565b1e593aadf0aa4fff48415dc"));
        assertEquals(
                "596169d0030b",
                DockerEngine.shortId("596169d0030be652b036f0f934e9bb4d4605351884cb06e0a989468ede37b51e"));
        assertEquals("abc", DockerEngine.shortId("abc"));
        assertNull(DockerEngine.shortId(null));
    }
}
