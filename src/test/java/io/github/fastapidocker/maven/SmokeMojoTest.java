package io.github.fastapidocker.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.smoke.GracefulStop;
import io.github.fastapidocker.smoke.Probe;
import io.github.fastapidocker.smoke.SmokeNetwork;
import io.github.fastapidocker.smoke.SmokeSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/**
 * The smoke goal as Maven configures it. The engine named here does not exist, so a goal that does
 * not skip fails at once trying to reach it: each skip switch must return before that.
 */
@MojoTest
class SmokeMojoTest {
    private static final String POM = "<project>\n"
            + "  <build>\n"
            + "    <plugins>\n"
            + "      <plugin>\n"
            + "        <artifactId>fastapi-docker-maven-plugin</artifactId>\n"
            + "        <configuration>\n"
            + "          <image>hello</image>\n"
            + "          <tags><tag>1.0</tag></tags>\n"
            + "          <port>80</port>\n"
            + "          <dockerHost>unix:///nonexistent/fastapi-docker-test.sock</dockerHost>\n"
            + "          <outputDirectory>target/smoke-mojo-test</outputDirectory>\n"
            + "          <probes>\n"
            + "            <probe>\n"
            + "              <path>/items/5?q=somequery</path>\n"
            + "              <json>{\"item_id\": 5, \"q\": \"somequery\"}</json>\n"
            + "            </probe>\n"
            + "            <probe>\n"
            + "              <path>/docs</path>\n"
            + "              <status>200</status>\n"
            + "              <contains>Swagger UI</contains>\n"
            + "            </probe>\n"
            + "          </probes>\n"
            + "          <smokeEnv>\n"
            + "            <GREETING>hi</GREETING>\n"
            + "            <DB_PASSWORD>pw-in-the-pom</DB_PASSWORD>\n"
            + "          </smokeEnv>\n"
            + "          <smokePassEnv><name>PATH</name></smokePassEnv>\n"
            + "        </configuration>\n"
            + "      </plugin>\n"
            + "    </plugins>\n"
            + "  </build>\n"
            + "</project>\n";

    @Test
    @InjectMojo(goal = "smoke", pom = POM)
    void withoutASkipTheGoalTriesTheEngine(SmokeMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("nonexistent/fastapi-docker-test.sock"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "smoke", pom = POM)
    @MojoParameter(name = "skip", value = "true")
    void fastapiSkipSkips(SmokeMojo mojo) {
        assertEquals(List.of("Skipping smoke (fastapi.skip)"), skipLog(mojo));
    }

    @Test
    @InjectMojo(goal = "smoke", pom = POM)
    @MojoParameter(name = "skipSmoke", value = "true")
    void fastapiSmokeSkipSkips(SmokeMojo mojo) {
        assertEquals(List.of("Skipping smoke (fastapi.smoke.skip)"), skipLog(mojo));
    }

    @Test
    @InjectMojo(goal = "smoke", pom = POM)
    @MojoParameter(name = "skipTests", value = "true")
    void skipTestsSkips(SmokeMojo mojo) {
        assertEquals(List.of("Skipping smoke (skipTests)"), skipLog(mojo));
    }

    /** Runs the goal, which must not fail; returns what it logged at INFO. */
    private static List<String> skipLog(SmokeMojo mojo) {
        List<String> lines = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                lines.add(content.toString());
            }
        });
        assertDoesNotThrow(mojo::execute);
        return lines;
    }

    @Test
    @InjectMojo(goal = "smoke", pom = POM)
    void pomConfigurationBecomesSmokeSettings(SmokeMojo mojo) {
        SmokeSettings settings = mojo.smokeSettings();
        assertEquals("hello", settings.image());
        assertEquals("1.0", settings.tag());
        assertEquals(SmokeNetwork.BRIDGE, settings.network(), "bridge by default");
        assertEquals(60, settings.timeout().toSeconds());
        assertEquals(10, settings.stopTimeoutSeconds());
        assertEquals(GracefulStop.FAIL, settings.gracefulStop());
        assertEquals(
                List.of(
                        new Probe("/items/5?q=somequery", 200, null, "{\"item_id\": 5, \"q\": \"somequery\"}", null),
                        new Probe("/docs", 200, "Swagger UI", null, null)),
                settings.probes());
    }

    @Test
    @InjectMojo(goal = "smoke", pom = POM)
    @MojoParameter(name = "smokeTimeout", value = "0")
    void aWrongSettingFailsBeforeTheEngineIsContacted(SmokeMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("<smokeTimeout> (fastapi.smoke.timeout) must be 1-3600 seconds, was 0", e.getMessage());
    }

    @Test
    @InjectMojo(goal = "smoke", pom = POM)
    @MojoParameter(name = "smokeNetwork", value = "overlay")
    void aWrongNetworkFailsBeforeTheEngineIsContacted(SmokeMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("<smokeNetwork> (fastapi.smoke.network) must be bridge or host, was 'overlay'", e.getMessage());
    }

    @Test
    @InjectMojo(goal = "smoke", pom = POM)
    void smokeEnvValuesAreHiddenFromTheDebugLogAndPassedVariablesComeFromTheBuild(SmokeMojo mojo) {
        assertEquals("{DB_PASSWORD=****, GREETING=****}", String.valueOf(mojo.smokeEnv));
        assertEquals(
                Map.of("GREETING", "hi", "DB_PASSWORD", "pw-in-the-pom", "PATH", "/bin"),
                mojo.environment(Map.of("PATH", "/bin", "OTHER", "x")));
        ConfigurationException e =
                assertThrows(ConfigurationException.class, () -> mojo.environment(Map.of("OTHER", "x")));
        assertEquals(
                "<smokePassEnv> names PATH, which is not set in the environment of this build: set it, or"
                        + " remove it from <smokePassEnv>",
                e.getMessage());
    }
}
