package io.github.fastapidocker.dockerfile;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.maven.MavenHints;
import org.junit.jupiter.api.Test;

/** Package index URLs: what is accepted, the errors, and the login that only a build argument carries. */
class PackageIndexesTest {

    private static String error(String index, String extra) {
        return assertThrows(ConfigurationException.class, () -> new PackageIndexes(index, extra)
                        .validate(MavenHints.INSTANCE))
                .getMessage();
    }

    @Test
    void httpAndHttpsIndexesAreAccepted() {
        for (String url : new String[] {
            "https://nexus.example.com/repository/pypi/simple/",
            "http://127.0.0.1:5557/simple/",
            "https://pkgs.dev.azure.com/org/_packaging/feed/pypi/simple/",
            "HTTPS://Example.com/simple?x=1"
        }) {
            assertDoesNotThrow(() -> new PackageIndexes(url, url).validate(MavenHints.INSTANCE), url);
        }
        assertTrue(new PackageIndexes(" ", null).isNone());
        assertFalse(new PackageIndexes(null, "https://x/simple/").isNone());
    }

    @Test
    void badUrlsNameTheElement() {
        assertEquals(
                "<pipIndexUrl> (fastapi.pip.indexUrl) must be an http or https URL of a package index, such as"
                        + " https://nexus.example.com/repository/pypi/simple/, was 'nexus.example.com/simple'",
                error("nexus.example.com/simple", null));
        for (String url : new String[] {"ftp://x/simple/", "file:///srv/simple", "https:///simple", "http://a b/"}) {
            assertTrue(error(url, null).startsWith("<pipIndexUrl> (fastapi.pip.indexUrl) must be an http"), url);
        }
        assertTrue(error(null, "x").startsWith("<pipExtraIndexUrl> (fastapi.pip.extraIndexUrl) must be an http"));
    }

    @Test
    void aUrlWithALoginIsRefusedWithoutRepeatingIt() {
        String message = error("https://ci-bot:s3cret@nexus.example.com:8443/simple/", null);
        assertEquals(
                "<pipIndexUrl> (fastapi.pip.indexUrl) must not carry a login (https://****@nexus.example.com:8443/simple/):"
                        + " a debug run of the build prints every configured value, so the login would be in the log."
                        + " Keep it in a settings.xml <server> with <id>nexus.example.com:8443</id> (its password"
                        + " encrypted), or name another server with <pipIndexServerId> (fastapi.pip.indexServerId)",
                message);
        assertFalse(error(null, "https://token@x.example.com/simple/").contains("token"));
    }

    @Test
    void theServerIdIsTheHostAndPort() {
        assertEquals("nexus.example.com", PackageIndexes.serverId("https://Nexus.Example.com/repository/pypi/simple/"));
        assertEquals("127.0.0.1:5557", PackageIndexes.serverId("http://127.0.0.1:5557/simple/"));
    }

    @Test
    void theLoginIsPercentEncodedIntoTheUrl() {
        assertEquals(
                "http://fastapi-index:s3cret-index-pass@127.0.0.1:5557/simple/",
                PackageIndexes.withLogin("http://127.0.0.1:5557/simple/", "fastapi-index", "s3cret-index-pass"));
        assertEquals(
                "https://ci%40corp:p%3Ass%2Fw%40rd%20%24x%C3%A9@nexus.example.com/simple/",
                PackageIndexes.withLogin("https://nexus.example.com/simple/", "ci@corp", "p:ss/w@rd $xé"));
        assertEquals(
                "https://****@host/simple/",
                io.github.fastapidocker.kernel.Urls.withoutLogin("https://u:p@host/simple/"));
        assertEquals("https://host/simple/", io.github.fastapidocker.kernel.Urls.withoutLogin("https://host/simple/"));
    }
}
