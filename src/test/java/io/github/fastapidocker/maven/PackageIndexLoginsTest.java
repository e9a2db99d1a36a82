package io.github.fastapidocker.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.dockerfile.PackageIndexes;
import io.github.fastapidocker.kernel.ConfigurationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.codehaus.plexus.util.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The package index logins come from settings.xml servers, encrypted passwords decrypted by Maven's
 * own decrypter (the one {@code build} gets injected), and become build arguments; the log names
 * the server and the user, never the password.
 */
@MojoTest
class PackageIndexLoginsTest {
    private static final String SEED = "src/test/resources/unit/seed";
    private static final String INDEX = "http://127.0.0.1:5557/simple/";
    /** The test world's index password under src/it/push-settings/settings-security.xml's master password. */
    static final String ENCRYPTED = "{5AoevPWfpvEHNQM61s26XFD9VdFxxj/cxp+/wDJVuG/H4idfSIQlEvVe7Q2ocqpe}";

    private final List<String> logged = new ArrayList<>();
    private final SystemStreamLog log = new SystemStreamLog() {
        @Override
        public void info(CharSequence content) {
            logged.add(content.toString());
        }
    };

    @BeforeEach
    void masterPassword() {
        System.setProperty(
                "settings.security",
                Path.of("src/it/push-settings/settings-security.xml")
                        .toAbsolutePath()
                        .toString());
    }

    @AfterEach
    void clean() throws Exception {
        FileUtils.deleteDirectory(Path.of(SEED, "target").toFile());
        System.clearProperty("settings.security");
    }

    private static Settings settingsWith(String id, String username, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }

    private Map<String, String> resolve(BuildMojo mojo, Settings settings, PackageIndexes indexes, String serverId) {
        return PackageIndexLogins.resolve(
                indexes,
                serverId,
                new SettingsServers(settings, mojo.settingsDecrypter, MavenHints.INSTANCE),
                MavenHints.INSTANCE,
                log);
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "build", pom = "pom.xml")
    void theServerNamedAfterTheIndexHostGivesTheDecryptedLogin(BuildMojo mojo) {
        Map<String, String> args = resolve(
                mojo,
                settingsWith("127.0.0.1:5557", "fastapi-index", ENCRYPTED),
                new PackageIndexes(INDEX, null),
                null);
        assertEquals(
                Map.of(PackageIndexes.INDEX_ARG, "http://fastapi-index:s3cret-index-pass@127.0.0.1:5557/simple/"),
                args);
        assertEquals(
                List.of("Package index http://127.0.0.1:5557/simple/: login from settings.xml server '127.0.0.1:5557',"
                        + " user 'fastapi-index', passed to the builder stage only"),
                logged);
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "build", pom = "pom.xml")
    void aNamedServerAndTheExtraIndexOwn(BuildMojo mojo) {
        Settings settings = settingsWith("nexus", "ci", "plain p4ss");
        Server extra = new Server();
        extra.setId("extra.example.com");
        extra.setUsername("reader");
        extra.setPassword("t0ken");
        settings.addServer(extra);
        Map<String, String> args = resolve(
                mojo,
                settings,
                new PackageIndexes("https://nexus.example.com/simple/", "https://extra.example.com/simple/"),
                "nexus");
        assertEquals("https://ci:plain%20p4ss@nexus.example.com/simple/", args.get(PackageIndexes.INDEX_ARG));
        assertEquals("https://reader:t0ken@extra.example.com/simple/", args.get(PackageIndexes.EXTRA_INDEX_ARG));
        assertFalse(String.join("\n", logged).contains("p4ss"), logged.toString());
        assertFalse(String.join("\n", logged).contains("t0ken"), logged.toString());
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "build", pom = "pom.xml")
    void noServerIsNoLoginAndSaysSo(BuildMojo mojo) {
        assertEquals(Map.of(), resolve(mojo, new Settings(), new PackageIndexes(INDEX, null), null));
        assertEquals(
                List.of("Package index http://127.0.0.1:5557/simple/: no login (no settings.xml server"
                        + " '127.0.0.1:5557' with one)"),
                logged);
        assertEquals(Map.of(), resolve(mojo, null, PackageIndexes.NONE, null));
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "build", pom = "pom.xml")
    void aNamedServerThatDoesNotExistIsAnError(BuildMojo mojo) {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> resolve(mojo, new Settings(), new PackageIndexes(INDEX, null), "corp-nexus"));
        assertEquals(
                "<pipIndexServerId> (fastapi.pip.indexServerId) names settings.xml server 'corp-nexus', which your"
                        + " settings.xml does not have: add a settings.xml <server> with <id>corp-nexus</id>, or remove"
                        + " <pipIndexServerId> (fastapi.pip.indexServerId) to use the server named after the index's"
                        + " host ('127.0.0.1:5557')",
                e.getMessage());
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "build", pom = "pom.xml")
    void aServerWithAUserAndNoPasswordIsNamed(BuildMojo mojo) {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> resolve(
                        mojo,
                        settingsWith("127.0.0.1:5557", "fastapi-index", null),
                        new PackageIndexes(INDEX, null),
                        null));
        assertTrue(e.getMessage().contains("<password> of settings.xml server '127.0.0.1:5557'"), e.getMessage());
    }
}
