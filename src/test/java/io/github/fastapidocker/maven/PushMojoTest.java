package io.github.fastapidocker.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.auth.CredentialSource;
import io.github.fastapidocker.auth.RegistryCredentials;
import io.github.fastapidocker.push.PushSettings;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.codehaus.plexus.util.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The engine here is an address where nothing listens: a push that skips must not notice, one
 * that runs must fail on it, and validation and credentials come first.
 */
@MojoTest
class PushMojoTest {
    private static final String SEED = "src/test/resources/unit/seed";
    private static final String NO_ENGINE = "tcp://127.0.0.1:9";
    private static final String REGISTRY = "127.0.0.1:5555";
    /** The test world's password under src/it/push-settings/settings-security.xml's master password. */
    private static final String ENCRYPTED = "{yOWhMZXO4OcHpxNLK+JYQrFtfc/BhoNnfrbX1D3tPVRc2fYX+KbqicVA+ISJtRv+}";

    @AfterEach
    void clean() throws Exception {
        FileUtils.deleteDirectory(Path.of(SEED, "target").toFile());
        System.clearProperty("settings.security");
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "push", pom = "pom.xml")
    @MojoParameter(name = "dockerHost", value = NO_ENGINE)
    void runsAndFailsOnTheMissingEngineNamingIt(PushMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Cannot reach the Docker engine at " + NO_ENGINE), e.getMessage());
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "push", pom = "pom.xml")
    @MojoParameter(name = "dockerHost", value = NO_ENGINE)
    @MojoParameter(name = "pushRetries", value = "99")
    @MojoParameter(name = "skip", value = "true")
    void globalSkipSkipsBeforeAnyValidation(PushMojo mojo) throws Exception {
        mojo.execute();
        assertFalse(Files.exists(mojo.outputDirectory.toPath()));
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "push", pom = "pom.xml")
    @MojoParameter(name = "dockerHost", value = NO_ENGINE)
    @MojoParameter(name = "pushRetries", value = "99")
    @MojoParameter(name = "skipPush", value = "true")
    void pushSkipSkipsBeforeAnyValidation(PushMojo mojo) throws Exception {
        mojo.execute();
        assertFalse(Files.exists(mojo.outputDirectory.toPath()));
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "push", pom = "pom.xml")
    @MojoParameter(name = "dockerHost", value = NO_ENGINE)
    @MojoParameter(name = "pushRetries", value = "11")
    void validationComesBeforeTheEngine(PushMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("<pushRetries> (fastapi.push.retries) must be 0-10, was 11", e.getMessage());
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "push", pom = "pom.xml")
    @MojoParameter(name = "dockerHost", value = NO_ENGINE)
    @MojoParameter(name = "registryUsername", value = "ci-bot")
    void halfALoginFailsBeforeTheEngine(PushMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(
                "<registryUsername> (fastapi.registry.username) is set but <registryPassword>"
                        + " (fastapi.registry.password) is empty: set both",
                e.getMessage());
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "push", pom = "pom.xml")
    @MojoParameter(name = "image", value = REGISTRY + "/team/seed")
    @MojoParameter(name = "tags", value = "1.0,latest")
    void parametersReachThePushSettings(PushMojo mojo) {
        PushSettings settings = mojo.pushSettings();
        assertEquals(REGISTRY, settings.image().registry());
        assertEquals(List.of("1.0", "latest"), settings.tags());
        assertEquals(2, settings.retries());
        assertEquals(Duration.ofSeconds(1), settings.firstBackoff());
        assertEquals(mojo.outputDirectory.toPath(), settings.outputDirectory());
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "push", pom = "pom.xml")
    void theSettingsServerNamedAfterTheRegistryIsDecrypted(PushMojo mojo) {
        System.setProperty(
                "settings.security",
                Path.of("src/it/push-settings/settings-security.xml")
                        .toAbsolutePath()
                        .toString());
        mojo.settings = settingsWith(REGISTRY, "fastapi-test", ENCRYPTED);

        List<CredentialSource> sources = mojo.credentialSources(REGISTRY);
        assertEquals(
                "<registryUsername> (fastapi.registry.username) and <registryPassword> (fastapi.registry.password)",
                sources.get(0).description());
        assertEquals("settings.xml server '" + REGISTRY + "'", sources.get(1).description());
        assertTrue(
                sources.get(2).description().startsWith("docker config "),
                sources.get(2).description());
        RegistryCredentials c = sources.get(1).lookup(REGISTRY).orElseThrow();
        assertEquals("fastapi-test", c.username());
        assertEquals("s3cret-test-pass", c.password());
        // Another registry's server is not used.
        assertTrue(
                mojo.credentialSources("other:5000").get(1).lookup("other:5000").isEmpty());
    }

    @Test
    @Basedir(SEED)
    @InjectMojo(goal = "push", pom = "pom.xml")
    void anUndecryptablePasswordSaysWhereTheMasterPasswordLives(PushMojo mojo) {
        System.setProperty(
                "settings.security",
                Path.of("target/no-such-settings-security.xml").toAbsolutePath().toString());
        mojo.settings = settingsWith(REGISTRY, "fastapi-test", ENCRYPTED);
        var e = assertThrows(
                io.github.fastapidocker.kernel.ConfigurationException.class, () -> mojo.credentialSources(REGISTRY));
        assertTrue(
                e.getMessage().startsWith("Cannot decrypt the password of settings.xml server '" + REGISTRY + "': "),
                e.getMessage());
        assertTrue(
                e.getMessage().endsWith("(check ~/.m2/settings-security.xml or -Dsettings.security)"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret-test-pass"));
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

    @Test
    void theDescriptorBindsPushToDeployWithItsProperties() throws Exception {
        Document d;
        try (InputStream in = PushMojoTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        NodeList mojos = d.getElementsByTagName("mojo");
        Element push = null;
        for (int i = 0; i < mojos.getLength(); i++) {
            Element m = (Element) mojos.item(i);
            if (m.getElementsByTagName("goal").item(0).getTextContent().equals("push")) {
                push = m;
            }
        }
        assertTrue(push != null, "no push goal");
        assertEquals("deploy", push.getElementsByTagName("phase").item(0).getTextContent());
        assertEquals("true", push.getElementsByTagName("threadSafe").item(0).getTextContent());
        Element configuration =
                (Element) push.getElementsByTagName("configuration").item(0);
        assertEquals("${fastapi.push.skip}", expression(configuration, "skipPush"));
        assertEquals("${fastapi.push.retries}", expression(configuration, "pushRetries"));
        assertEquals("${fastapi.registry.username}", expression(configuration, "registryUsername"));
        assertEquals("${fastapi.registry.password}", expression(configuration, "registryPassword"));
        assertEquals("${fastapi.skip}", expression(configuration, "skip"));
        assertEquals(
                "2",
                ((Element) configuration.getElementsByTagName("pushRetries").item(0)).getAttribute("default-value"));
    }

    private static String expression(Element configuration, String parameter) {
        return configuration
                .getElementsByTagName(parameter)
                .item(0)
                .getTextContent()
                .trim();
    }
}
