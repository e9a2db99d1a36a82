package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.maven.MavenHints;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings validation names the element to fix. */
class SmokeSettingsTest extends SmokeFixture {
    @Test
    void settingsNameTheElementToFix() {
        SmokeSettings.Builder zeroTimeout = SmokeSettings.builder()
                .image("hello")
                .tag("1.0")
                .port(80)
                .outputDirectory(dir)
                .network(SmokeNetwork.HOST)
                .probes(List.of())
                .timeout(Duration.ZERO)
                .stopTimeoutSeconds(10)
                .gracefulStop(GracefulStop.FAIL)
                .project("p")
                .projectDirectory(dir)
                .env(Map.of());
        assertEquals(
                "<smokeTimeout> (fastapi.smoke.timeout) must be 1-3600 seconds, was 0",
                assertThrows(ConfigurationException.class, () -> zeroTimeout.build(MavenHints.INSTANCE))
                        .getMessage());
        SmokeSettings.Builder negativeStop = SmokeSettings.builder()
                .image("hello")
                .tag("1.0")
                .port(80)
                .outputDirectory(dir)
                .network(SmokeNetwork.HOST)
                .probes(List.of())
                .timeout(Duration.ofSeconds(1))
                .stopTimeoutSeconds(-1)
                .gracefulStop(GracefulStop.FAIL)
                .project("p")
                .projectDirectory(dir)
                .env(Map.of());
        assertEquals(
                "<stopTimeout> (fastapi.smoke.stopTimeout) must be 0-3600 seconds, was -1",
                assertThrows(ConfigurationException.class, () -> negativeStop.build(MavenHints.INSTANCE))
                        .getMessage());
        assertEquals(
                "<smokeNetwork> (fastapi.smoke.network) must be bridge or host, was 'overlay'",
                assertThrows(ConfigurationException.class, () -> SmokeNetwork.parse("overlay", MavenHints.INSTANCE))
                        .getMessage());
        assertEquals(
                "<gracefulStop> (fastapi.smoke.gracefulStop) must be fail, warn or off, was 'maybe'",
                assertThrows(ConfigurationException.class, () -> GracefulStop.parse("maybe", MavenHints.INSTANCE))
                        .getMessage());
        assertEquals(SmokeNetwork.HOST, SmokeNetwork.parse(" Host ", MavenHints.INSTANCE));
    }
}
