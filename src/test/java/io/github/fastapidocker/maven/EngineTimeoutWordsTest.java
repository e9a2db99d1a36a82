package io.github.fastapidocker.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fastapidocker.docker.EngineTimeouts;
import io.github.fastapidocker.kernel.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Maven words for the engine timeout: its range, and how to allow more. */
class EngineTimeoutWordsTest {
    @Test
    void theSettingBecomesTheSilenceWithTheHintToRaiseIt() {
        EngineTimeouts timeouts = EngineConnection.timeouts(5);
        assertEquals(Duration.ofSeconds(5), timeouts.call());
        assertEquals(
                "If the engine is only slow, allow it more seconds with <engineTimeout>SECONDS</engineTimeout>"
                        + " (-Dfastapi.engineTimeout=SECONDS) (now 5)",
                timeouts.howToAllowMore());
    }

    @Test
    void aTimeoutOutOfRangeIsRefusedBeforeTheEngineIsContacted() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> EngineConnection.timeouts(0));
        assertEquals("<engineTimeout> (fastapi.engineTimeout) must be 1-86400 seconds, was 0", e.getMessage());
        assertThrows(ConfigurationException.class, () -> EngineConnection.timeouts(86_401));
    }
}
