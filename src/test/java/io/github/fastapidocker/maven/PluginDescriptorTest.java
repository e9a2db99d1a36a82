package io.github.fastapidocker.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The generated descriptor is what Maven reads: every -D property maps to the documented
 * parameter, every parameter is documented, every goal is thread-safe.
 */
class PluginDescriptorTest {

    private static Document descriptor() throws Exception {
        try (InputStream in = PluginDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    private static Element mojo(Document d, String goal) {
        NodeList mojos = d.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element m = (Element) mojos.item(i);
            if (text(m, "goal").equals(goal)) {
                return m;
            }
        }
        throw new AssertionError("no goal " + goal);
    }

    private static String text(Element e, String child) {
        NodeList list = e.getElementsByTagName(child);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent().trim();
    }

    /** parameter name -> its ${property} expression in the configuration section. */
    private static Map<String, String> expressions(Element mojo) {
        Map<String, String> result = new HashMap<>();
        Element configuration =
                (Element) mojo.getElementsByTagName("configuration").item(0);
        NodeList children = configuration.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element p) {
                result.put(p.getTagName(), p.getTextContent().trim());
            }
        }
        return result;
    }

    @Test
    void prefixAndGoals() throws Exception {
        Document d = descriptor();
        assertEquals(
                "fastapi-docker",
                d.getDocumentElement()
                        .getElementsByTagName("goalPrefix")
                        .item(0)
                        .getTextContent());
        for (String goal : new String[] {"dockerfile", "build", "help"}) {
            assertEquals("true", text(mojo(d, goal), "threadSafe"), goal + " must be threadSafe");
        }
        assertEquals("package", text(mojo(d, "build"), "phase"));
    }

    @Test
    void propertiesMapToTheDocumentedParameters() throws Exception {
        Map<String, String> build = expressions(mojo(descriptor(), "build"));
        Map<String, String> expected = Map.ofEntries(
                Map.entry("image", "${fastapi.image}"),
                Map.entry("tags", "${fastapi.tags}"),
                Map.entry("pythonVersion", "${fastapi.pythonVersion}"),
                Map.entry("baseImage", "${fastapi.baseImage}"),
                Map.entry("pythonDirectory", "${fastapi.pythonDirectory}"),
                Map.entry("requirementsFile", "${fastapi.requirementsFile}"),
                Map.entry("pythonDependencies", "${fastapi.pythonDependencies}"),
                Map.entry("pythonExtras", "${fastapi.pythonExtras}"),
                Map.entry("appPath", "${fastapi.appPath}"),
                Map.entry("port", "${fastapi.port}"),
                Map.entry("workers", "${fastapi.workers}"),
                Map.entry("proxyHeaders", "${fastapi.proxyHeaders}"),
                Map.entry("forwardedAllowIps", "${fastapi.forwardedAllowIps}"),
                Map.entry("rootPath", "${fastapi.rootPath}"),
                Map.entry("dockerfile", "${fastapi.dockerfile}"),
                Map.entry("user", "${fastapi.user}"),
                Map.entry("pipIndexUrl", "${fastapi.pip.indexUrl}"),
                Map.entry("pipExtraIndexUrl", "${fastapi.pip.extraIndexUrl}"),
                Map.entry("pipIndexServerId", "${fastapi.pip.indexServerId}"),
                Map.entry("dockerHost", "${fastapi.dockerHost}"),
                Map.entry("engineTimeout", "${fastapi.engineTimeout}"),
                Map.entry("skip", "${fastapi.skip}"),
                Map.entry("skipBuild", "${fastapi.build.skip}"),
                Map.entry("buildNetwork", "${fastapi.build.network}"),
                Map.entry("noCache", "${fastapi.build.noCache}"),
                Map.entry("pull", "${fastapi.build.pull}"));
        expected.forEach((parameter, expression) -> assertEquals(expression, build.get(parameter), parameter));
    }

    @Test
    void everyEditableParameterIsDocumentedAndPrefixed() throws Exception {
        NodeList parameters = descriptor().getElementsByTagName("parameter");
        for (int i = 0; i < parameters.getLength(); i++) {
            Element p = (Element) parameters.item(i);
            String name = text(p, "name");
            if (text(p, "editable").equals("false")) {
                continue;
            }
            assertFalse(text(p, "description").isBlank(), name + " has no javadoc");
        }
        Document d = descriptor();
        NodeList mojos = d.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element m = (Element) mojos.item(i);
            if (text(m, "goal").equals("help")) {
                continue;
            }
            expressions(m).forEach((name, expression) -> {
                if (expression.startsWith("${")
                        && !expression.startsWith("${project")
                        && !expression.startsWith("${session")
                        && !expression.startsWith("${settings")
                        && !expression.startsWith("${mojo")
                        && !expression.startsWith("${env.")) {
                    assertTrue(
                            expression.startsWith("${fastapi.") || expression.equals("${skipTests}"),
                            name + " property must be in the fastapi.* namespace: " + expression);
                }
            });
        }
    }

    /** The editable parameters of a goal: what {@code help} shows for it. */
    private static java.util.Set<String> editable(Element mojo) {
        java.util.Set<String> result = new java.util.TreeSet<>();
        NodeList parameters = mojo.getElementsByTagName("parameter");
        for (int i = 0; i < parameters.getLength(); i++) {
            Element p = (Element) parameters.item(i);
            if (!text(p, "editable").equals("false")) {
                result.add(text(p, "name"));
            }
        }
        return result;
    }

    private static final java.util.List<String> PROJECT = java.util.List.of(
            "skip",
            "pythonVersion",
            "baseImage",
            "pythonDirectory",
            "requirementsFile",
            "pythonDependencies",
            "pythonExtras",
            "appPath",
            "app",
            "port",
            "workers",
            "proxyHeaders",
            "forwardedAllowIps",
            "rootPath",
            "dockerfile",
            "labels",
            "user",
            "environment",
            "healthcheck",
            "pipIndexUrl",
            "pipExtraIndexUrl");

    private static java.util.Set<String> set(java.util.List<String> first, String... more) {
        java.util.Set<String> result = new java.util.TreeSet<>(first);
        result.addAll(java.util.List.of(more));
        return result;
    }

    @Test
    void eachGoalExposesOnlyTheParametersItReads() throws Exception {
        Document d = descriptor();
        assertEquals(set(PROJECT), editable(mojo(d, "dockerfile")));
        assertEquals(
                set(
                        PROJECT,
                        "image",
                        "tags",
                        "dockerHost",
                        "engineTimeout",
                        "skipBuild",
                        "buildArgs",
                        "buildNetwork",
                        "noCache",
                        "pull",
                        "pipIndexServerId"),
                editable(mojo(d, "build")));
        assertEquals(
                set(
                        java.util.List.of("skip", "image", "tags", "dockerHost", "engineTimeout"),
                        "port",
                        "dockerfile",
                        "skipSmoke",
                        "skipTests",
                        "smokeNetwork",
                        "smokeTimeout",
                        "stopTimeout",
                        "gracefulStop",
                        "forceSmoke",
                        "probes",
                        "smokeEnv",
                        "smokeHost",
                        "smokePassEnv"),
                editable(mojo(d, "smoke")));
        assertEquals(
                set(
                        java.util.List.of("skip", "image", "tags", "dockerHost", "engineTimeout"),
                        "skipPush",
                        "registryUsername",
                        "registryPassword",
                        "pushRetries"),
                editable(mojo(d, "push")));
    }

    /** The hints name each setting as the descriptor does: element and property agree. */
    @Test
    void everyHintNamesARealParameterAndItsProperty() throws Exception {
        Document d = descriptor();
        Map<String, String> all = new HashMap<>();
        for (String goal : new String[] {"dockerfile", "build", "smoke", "push"}) {
            all.putAll(expressions(mojo(d, goal)));
            editable(mojo(d, goal)).forEach(name -> all.putIfAbsent(name, ""));
        }
        for (io.github.fastapidocker.kernel.Setting setting : io.github.fastapidocker.kernel.Setting.values()) {
            String element = MavenHints.element(setting);
            assertTrue(all.containsKey(element), setting + ": no parameter <" + element + ">");
            String property = MavenHints.property(setting);
            if (property != null) {
                assertEquals("${" + property + "}", all.get(element), setting + ": property");
            }
        }
    }

    /** Every goal that talks to the engine has the engine timeout, with the port's default. */
    @Test
    void theEngineTimeoutDefaultsToThePortsDefault() throws Exception {
        Document d = descriptor();
        for (String goal : new String[] {"build", "smoke", "push"}) {
            Element configuration = (Element)
                    mojo(d, goal).getElementsByTagName("configuration").item(0);
            Element timeout = (Element)
                    configuration.getElementsByTagName("engineTimeout").item(0);
            assertEquals(
                    String.valueOf(io.github.fastapidocker.docker.EngineTimeouts.DEFAULT_SILENCE.toSeconds()),
                    timeout.getAttribute("default-value"),
                    goal);
        }
    }
}
