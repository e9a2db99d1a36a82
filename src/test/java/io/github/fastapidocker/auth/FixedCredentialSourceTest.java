package io.github.fastapidocker.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.maven.MavenHints;
import org.junit.jupiter.api.Test;

class FixedCredentialSourceTest {
    private static final String SECRET = "pa55-w0rd-xyz";

    @Test
    void explicitValuesAreTheLogin() {
        RegistryCredentials c = FixedCredentialSource.explicit("ci-bot", SECRET, MavenHints.INSTANCE)
                .lookup("r.example:5000")
                .orElseThrow();
        assertEquals("ci-bot", c.username());
        assertEquals(SECRET, c.password());
        assertEquals(
                "<registryUsername> (fastapi.registry.username) and <registryPassword> (fastapi.registry.password)",
                c.source());
    }

    @Test
    void nothingSetMeansNothingFound() {
        assertTrue(FixedCredentialSource.explicit(null, null, MavenHints.INSTANCE)
                .lookup("r")
                .isEmpty());
        assertTrue(FixedCredentialSource.explicit("  ", "", MavenHints.INSTANCE)
                .lookup("r")
                .isEmpty());
        assertTrue(FixedCredentialSource.server("r", null, null, MavenHints.INSTANCE)
                .lookup("r")
                .isEmpty());
    }

    @Test
    void halfALoginNamesTheMissingElement() {
        var e = assertThrows(
                ConfigurationException.class, () -> FixedCredentialSource.explicit("ci-bot", null, MavenHints.INSTANCE)
                        .lookup("r"));
        assertEquals(
                "<registryUsername> (fastapi.registry.username) is set but <registryPassword>"
                        + " (fastapi.registry.password) is empty: set both",
                e.getMessage());
        var e2 = assertThrows(
                ConfigurationException.class, () -> FixedCredentialSource.explicit(null, SECRET, MavenHints.INSTANCE)
                        .lookup("r"));
        assertTrue(
                e2.getMessage().startsWith("<registryPassword> (fastapi.registry.password) is set but"),
                e2.getMessage());
        assertFalse(e2.getMessage().contains(SECRET));
        var e3 = assertThrows(ConfigurationException.class, () -> FixedCredentialSource.server(
                        "r:5000", "u", null, MavenHints.INSTANCE)
                .lookup("r:5000"));
        assertTrue(e3.getMessage().contains("<password> of settings.xml server 'r:5000'"), e3.getMessage());
    }

    @Test
    void anUnsetEnvironmentVariableIsNamedNotSent() {
        var e = assertThrows(ConfigurationException.class, () -> FixedCredentialSource.explicit(
                        "ci-bot", "${env.REGISTRY_PASSWORD}", MavenHints.INSTANCE)
                .lookup("r"));
        assertEquals(
                "<registryPassword> (fastapi.registry.password) is the unresolved expression"
                        + " ${env.REGISTRY_PASSWORD}: is that property or environment variable set?",
                e.getMessage());
    }

    @Test
    void bothUnsetEnvironmentVariablesMeanNotSetHere() {
        FixedCredentialSource source =
                FixedCredentialSource.explicit("${env.REGISTRY_USER}", "${env.REGISTRY_PASSWORD}", MavenHints.INSTANCE);
        assertTrue(source.lookup("r").isEmpty());
        assertEquals(
                "<registryUsername> (fastapi.registry.username) and <registryPassword> (fastapi.registry.password) (${env.REGISTRY_USER} and ${env.REGISTRY_PASSWORD} not set)",
                source.description());
        assertEquals(
                "<registryUsername> (fastapi.registry.username) and <registryPassword> (fastapi.registry.password)",
                FixedCredentialSource.explicit("u", "p", MavenHints.INSTANCE).description());
    }

    @Test
    void settingsServerSaysWhichServer() {
        RegistryCredentials c = FixedCredentialSource.server("127.0.0.1:5555", "u", SECRET, MavenHints.INSTANCE)
                .lookup("127.0.0.1:5555")
                .orElseThrow();
        assertEquals("settings.xml server '127.0.0.1:5555'", c.source());
        assertEquals("settings.xml server '127.0.0.1:5555', user 'u'", c.describe());
    }
}
