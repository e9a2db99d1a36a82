package io.github.fastapidocker.dockerfile;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.maven.MavenHints;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a production image accepts, and the errors that name the element to fix. */
class ProductionImageTest {

    private static String userError(String user) {
        return assertThrows(ConfigurationException.class, () -> new ProductionImage(user, Map.of())
                        .validate(MavenHints.INSTANCE))
                .getMessage();
    }

    private static String environmentError(String name, String value) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put(name, value);
        return assertThrows(ConfigurationException.class, () -> new ProductionImage(null, env)
                        .validate(MavenHints.INSTANCE))
                .getMessage();
    }

    @Test
    void numericUsersAndGroupsAreAccepted() {
        for (String user : new String[] {"10001", "10001:10001", "1", "1000680000:0", "2147483647"}) {
            assertDoesNotThrow(() -> new ProductionImage(user, Map.of()).validate(MavenHints.INSTANCE), user);
        }
    }

    @Test
    void rootIsRefusedByNameAndById() {
        assertEquals(
                "<user> (fastapi.user) must not be root (uid 0), was '0': it is there to run the server without root."
                        + " Use an id such as 10001, or leave it unset for the base image's user",
                userError("0"));
        assertTrue(userError("0:0").startsWith("<user> (fastapi.user) must not be root (uid 0), was '0:0'"));
        assertTrue(userError("00").contains("must not be root"));
        // A name is refused before it could be root: python images have no passwd entry for one.
        assertEquals(
                "<user> (fastapi.user) must be a numeric user id, optionally with a group id (10001 or 10001:10001),"
                        + " was 'root': a name needs a passwd entry in the image, which the python images do not"
                        + " have, and a numeric USER needs none",
                userError("root"));
    }

    @Test
    void namesAndMalformedIdsAreRefused() {
        for (String user : new String[] {"app", "10001:app", "app:10001", "-1", "10001:", ":10001", "1 0", "1e3"}) {
            assertTrue(userError(user).startsWith("<user> (fastapi.user) must be a numeric user id"), user);
        }
        assertEquals("<user> (fastapi.user) ids must be at most 2147483647, was '2147483648'", userError("2147483648"));
        assertTrue(userError("10001:9999999999").contains("at most 2147483647"));
    }

    @Test
    void environmentNamesMustBeVariableNames() {
        assertEquals(
                "<environment> has an invalid variable name '1ST': letters, digits and _, not starting with a digit",
                environmentError("1ST", "x"));
        assertTrue(environmentError("A-B", "x").contains("invalid variable name 'A-B'"));
        assertTrue(environmentError("A B", "x").contains("invalid variable name 'A B'"));
    }

    @Test
    void environmentValuesAreOneLineAndHoldNoLogin() {
        assertEquals("<environment> A must be a single line", environmentError("A", "x\nRUN rm -rf /"));
        String login = environmentError("PIP_INDEX_URL", "https://ci:s3cret@nexus.example.com/simple/");
        assertTrue(login.startsWith("<environment> PIP_INDEX_URL holds a URL with a login"), login);
        assertFalse(login.contains("s3cret"), "the message must not repeat the secret: " + login);
        assertTrue(environmentError("T", "https://token@host/x").contains("holds a URL with a login"));
        assertDoesNotThrow(
                () -> new ProductionImage(null, Map.of("URL", "https://nexus.example.com/simple/", "MAIL", "a@b.c"))
                        .validate(MavenHints.INSTANCE));
    }

    @Test
    void anEmptyValueIsEmptyNotNull() {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("EMPTY", null);
        assertEquals(Map.of("EMPTY", ""), new ProductionImage(null, env).environment());
    }
}
