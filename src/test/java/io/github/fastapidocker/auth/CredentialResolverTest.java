package io.github.fastapidocker.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.kernel.BuildLog;
import io.github.fastapidocker.kernel.RecordingLog;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialResolverTest {
    private static final String REGISTRY = "127.0.0.1:5555";

    private static CredentialSource source(String name, RegistryCredentials found) {
        return new CredentialSource() {
            @Override
            public String description() {
                return name;
            }

            @Override
            public Optional<RegistryCredentials> lookup(String registry) {
                return Optional.ofNullable(found);
            }
        };
    }

    private static CredentialSource failing(String name, String problem) {
        return new CredentialSource() {
            @Override
            public String description() {
                return name;
            }

            @Override
            public Optional<RegistryCredentials> lookup(String registry) {
                throw new CredentialLookupException(problem);
            }
        };
    }

    @Test
    void firstSourceWithALoginWins() {
        RecordingLog log = new RecordingLog();
        RegistryCredentials fromSettings = RegistryCredentials.of("s", "secret-s", "settings");
        RegistryCredentials fromDocker = RegistryCredentials.of("d", "secret-d", "docker");
        RegistryCredentials c = new CredentialResolver(
                        List.of(
                                source("explicit", null),
                                source("settings", fromSettings),
                                source("docker", fromDocker)),
                        log)
                .resolve(REGISTRY);
        assertEquals(fromSettings, c);
        assertFalse(log.text().contains("secret-"), log.text());
    }

    @Test
    void explicitBeatsEverything() {
        RegistryCredentials explicit = RegistryCredentials.of("e", "secret-e", "explicit");
        RegistryCredentials c = new CredentialResolver(
                        List.of(
                                source("explicit", explicit),
                                source("settings", RegistryCredentials.of("s", "x", "settings"))),
                        BuildLog.SILENT)
                .resolve(REGISTRY);
        assertEquals("explicit", c.source());
    }

    @Test
    void noneFoundIsAnonymousAndSaysWhatWasTried() {
        RegistryCredentials c = new CredentialResolver(
                        List.of(source("explicit", null), source("settings.xml server '" + REGISTRY + "'", null)),
                        BuildLog.SILENT)
                .resolve(REGISTRY);
        assertTrue(c.isAnonymous());
        assertEquals(
                "no login found for 127.0.0.1:5555; tried explicit, settings.xml server '127.0.0.1:5555'", c.source());
    }

    @Test
    void aFailingSourceIsReportedAndTheChainGoesOn() {
        RecordingLog log = new RecordingLog();
        RegistryCredentials fromAuths = RegistryCredentials.of("a", "secret-a", "auths");
        RegistryCredentials c = new CredentialResolver(
                        List.of(
                                failing("helper", "docker-credential-x get did not answer within 10 s and was stopped"),
                                source("auths", fromAuths)),
                        log)
                .resolve(REGISTRY);
        assertEquals(fromAuths, c);
        assertTrue(
                log.lines.contains("WARN Registry credentials: docker-credential-x get did not answer within 10 s"
                        + " and was stopped; trying the next source"),
                log.text());
    }

    @Test
    void aFailureStaysInTheAnonymousDescription() {
        RegistryCredentials c =
                new CredentialResolver(List.of(failing("helper", "boom")), BuildLog.SILENT).resolve(REGISTRY);
        assertEquals("no login found for 127.0.0.1:5555; tried helper (failed: boom)", c.source());
    }
}
