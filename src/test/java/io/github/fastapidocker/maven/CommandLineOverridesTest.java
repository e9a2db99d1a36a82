package io.github.fastapidocker.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** A property on the command line beats the POM's value, for each type of parameter, and says so. */
class CommandLineOverridesTest {

    /** Records INFO lines. */
    static final class Lines extends SystemStreamLog {
        final List<String> info = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            info.add(content.toString());
        }
    }

    private static MojoDescriptor descriptor(String... nameAndProperty) throws Exception {
        MojoDescriptor d = new MojoDescriptor();
        for (int i = 0; i < nameAndProperty.length; i += 2) {
            Parameter p = new Parameter();
            p.setName(nameAndProperty[i]);
            p.setExpression("${" + nameAndProperty[i + 1] + "}");
            d.addParameter(p);
        }
        return d;
    }

    private static BuildMojo mojo() {
        BuildMojo mojo = new BuildMojo();
        mojo.project = new MavenProject();
        mojo.project.setFile(new File("/work/project/pom.xml"));
        mojo.image = "registry.example.com/team/from-pom";
        mojo.tags = List.of("pom");
        mojo.port = 80;
        mojo.noCache = false;
        mojo.pythonDirectory = new File("/work/project/py");
        return mojo;
    }

    @Test
    void theCommandLineWinsForEveryTypeAndEachOverrideIsLogged() throws Exception {
        BuildMojo mojo = mojo();
        Properties cli = new Properties();
        cli.setProperty("fastapi.image", "127.0.0.1:5555/team/from-cli");
        cli.setProperty("fastapi.tags", "1.0,cli");
        cli.setProperty("fastapi.port", "8080");
        cli.setProperty("fastapi.build.noCache", "");
        cli.setProperty("fastapi.pythonDirectory", "other");
        Lines log = new Lines();
        CommandLineOverrides.apply(
                mojo,
                descriptor(
                        "image", "fastapi.image",
                        "tags", "fastapi.tags",
                        "port", "fastapi.port",
                        "noCache", "fastapi.build.noCache",
                        "pythonDirectory", "fastapi.pythonDirectory"),
                null,
                cli,
                log);
        assertEquals("127.0.0.1:5555/team/from-cli", mojo.image);
        assertEquals(List.of("1.0,cli"), mojo.tags);
        assertEquals(8080, mojo.port);
        assertTrue(mojo.noCache, "-Dfastapi.build.noCache alone means true");
        assertEquals(new File("/work/project/other"), mojo.pythonDirectory, "relative to the project, as Maven does");
        assertTrue(
                log.info.contains("fastapi.image=127.0.0.1:5555/team/from-cli from the command line overrides <image>"),
                log.info.toString());
        assertEquals(5, log.info.size(), log.info.toString());
    }

    @Test
    void aValueThatAlreadyCameFromThePropertyIsNotAnOverride() throws Exception {
        BuildMojo mojo = mojo();
        mojo.tags = List.of("1.0", "cli");
        Properties cli = new Properties();
        cli.setProperty("fastapi.tags", "1.0,cli");
        cli.setProperty("fastapi.image", mojo.image);
        Lines log = new Lines();
        CommandLineOverrides.apply(mojo, descriptor("tags", "fastapi.tags", "image", "fastapi.image"), null, cli, log);
        assertEquals(List.of(), log.info);
        assertEquals(List.of("1.0", "cli"), mojo.tags);
    }

    /** Maven already applied the property to a POM list; the log still says the POM's value lost. */
    @Test
    void aPomListThatMavenAlreadyOverrodeIsStillReported() throws Exception {
        BuildMojo mojo = mojo();
        mojo.tags = List.of("1.0", "cli");
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom tags = new Xpp3Dom("tags");
        tags.setValue("${fastapi.tags}");
        Xpp3Dom tag = new Xpp3Dom("tag");
        tag.setValue("pom");
        tags.addChild(tag);
        configuration.addChild(tags);
        Xpp3Dom image = new Xpp3Dom("image");
        image.setValue("${fastapi.image}");
        configuration.addChild(image);
        Properties cli = new Properties();
        cli.setProperty("fastapi.tags", "1.0,cli");
        cli.setProperty("fastapi.image", mojo.image);
        Lines log = new Lines();
        CommandLineOverrides.apply(
                mojo, descriptor("tags", "fastapi.tags", "image", "fastapi.image"), configuration, cli, log);
        assertEquals(List.of("fastapi.tags=1.0,cli from the command line overrides <tags>"), log.info);
    }

    @Test
    void propertiesNotOursAndNotGivenChangeNothing() throws Exception {
        PushMojo mojo = new PushMojo();
        mojo.image = "team/api";
        mojo.pushRetries = 2;
        Properties cli = new Properties();
        cli.setProperty("image", "elsewhere/api");
        Lines log = new Lines();
        CommandLineOverrides.apply(
                mojo, descriptor("image", "fastapi.image", "pushRetries", "fastapi.push.retries"), null, cli, log);
        assertEquals("team/api", mojo.image);
        assertEquals(2, mojo.pushRetries, "not given on the command line");
        assertEquals(List.of(), log.info);
    }

    @Test
    void aSecretIsNeverLogged() throws Exception {
        PushMojo mojo = new PushMojo();
        mojo.registryPassword = "from-pom";
        Properties cli = new Properties();
        cli.setProperty("fastapi.registry.password", "s3cret-from-cli");
        Lines log = new Lines();
        CommandLineOverrides.apply(mojo, descriptor("registryPassword", "fastapi.registry.password"), null, cli, log);
        assertEquals("s3cret-from-cli", mojo.registryPassword);
        assertEquals(
                List.of("fastapi.registry.password=**** from the command line overrides <registryPassword>"), log.info);
        assertFalse(log.info.toString().contains("s3cret"));
    }

    @Test
    void aNumberThatIsNotOneFailsInsteadOfLeavingThePomsValue() throws Exception {
        BuildMojo mojo = mojo();
        Properties cli = new Properties();
        cli.setProperty("fastapi.port", "8O8O");
        io.github.fastapidocker.kernel.ConfigurationException e = assertThrows(
                io.github.fastapidocker.kernel.ConfigurationException.class,
                () -> CommandLineOverrides.apply(mojo, descriptor("port", "fastapi.port"), null, cli, new Lines()));
        assertEquals("-Dfastapi.port=8O8O is not a whole number, which <port> takes. Fix the value", e.getMessage());
        assertEquals(80, mojo.port, "the POM's value stays, and the build stops");
    }
}
