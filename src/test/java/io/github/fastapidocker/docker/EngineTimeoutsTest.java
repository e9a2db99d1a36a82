package io.github.fastapidocker.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineTimeoutsTest {

    @Test
    void theDefaultsBoundEveryCall() {
        EngineTimeouts t = EngineTimeouts.defaults();
        assertEquals(Duration.ofSeconds(120), t.call());
        assertEquals(Duration.ofSeconds(10), t.connect());
        assertEquals(Duration.ofSeconds(10), t.ping());
        assertEquals(Duration.ofMinutes(30), t.build());
        assertEquals(Duration.ofSeconds(130), t.stop(10));
    }

    @Test
    void aShortSettingShortensTheFirstContactButNeverTheBuild() {
        EngineTimeouts t = new EngineTimeouts(Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(5), t.ping());
        assertEquals(Duration.ofSeconds(5), t.connect());
        assertEquals(Duration.ofSeconds(5), t.call());
        assertEquals(Duration.ofMinutes(30), t.build());
    }

    @Test
    void aLongSettingLengthensTheBuildButNeverTheFirstContact() {
        EngineTimeouts t = new EngineTimeouts(Duration.ofHours(1));
        assertEquals(Duration.ofHours(1), t.build());
        assertEquals(Duration.ofSeconds(10), t.ping());
    }

    @Test
    void theSilenceMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new EngineTimeouts(Duration.ZERO));
    }

    @Test
    void limitsAreShownInSeconds() {
        assertEquals("5 s", EngineTimeouts.seconds(Duration.ofSeconds(5)));
        assertEquals("0.3 s", EngineTimeouts.seconds(Duration.ofMillis(300)));
    }
}
