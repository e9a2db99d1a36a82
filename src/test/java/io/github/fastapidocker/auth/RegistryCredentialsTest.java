package io.github.fastapidocker.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.docker.DockerEngine.RegistryAuth;
import org.junit.jupiter.api.Test;

class RegistryCredentialsTest {
    private static final String SECRET = "s3cret-value-42";

    @Test
    void noTextShowsTheSecret() {
        RegistryCredentials c = RegistryCredentials.of("u", SECRET, "somewhere");
        RegistryCredentials t = RegistryCredentials.token(SECRET, "helper");
        for (String text : new String[] {
            c.toString(),
            c.describe(),
            t.toString(),
            t.describe(),
            c.toAuth("r").toString(),
            t.toAuth("r").toString()
        }) {
            assertFalse(text.contains(SECRET), text);
        }
        assertEquals("somewhere, user 'u'", c.describe());
        assertEquals("helper, identity token", t.describe());
    }

    @Test
    void redactMasksEverySecret() {
        RegistryCredentials c = RegistryCredentials.of("u", SECRET, "x");
        assertEquals("login u:**** refused (****)", c.redact("login u:" + SECRET + " refused (" + SECRET + ")"));
        assertNull(c.redact(null));
    }

    @Test
    void anonymousHasNoAuth() {
        RegistryCredentials none = RegistryCredentials.anonymous("tried a, b");
        assertTrue(none.isAnonymous());
        assertNull(none.toAuth("r"));
        assertEquals("none (tried a, b)", none.describe());
        RegistryAuth auth = RegistryCredentials.of("u", SECRET, "x").toAuth("r:5000");
        assertEquals("r:5000", auth.serverAddress());
        assertEquals(SECRET, auth.password());
    }
}
