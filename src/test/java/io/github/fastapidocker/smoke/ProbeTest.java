package io.github.fastapidocker.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.maven.MavenHints;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProbeTest {
    /** The form a record with Probe's components is given by the compiler. */
    private record Generated(String path, int status, String contains, String json, String jsonField) {}

    @Test
    void itsTextIsTheRecordsOwnForm() {
        // The smoke test's fingerprint reads it: a pass recorded before stays a pass.
        Probe probe = new Probe("/items/5?q=x", 201, "Swagger UI", "{\"a\": 1}", null);
        assertEquals(
                new Generated("/items/5?q=x", 201, "Swagger UI", "{\"a\": 1}", null)
                        .toString()
                        .replaceFirst("^Generated", "Probe"),
                probe.toString());
        assertEquals(
                java.util.Arrays.stream(Generated.class.getRecordComponents())
                        .map(c -> c.getName())
                        .toList(),
                java.util.Arrays.stream(Probe.class.getRecordComponents())
                        .map(c -> c.getName())
                        .toList(),
                "the same components, in the same order");
    }

    private static final String GUIDE_JSON = "{\"item_id\": 5, \"q\": \"somequery\"}";

    private static Probe json(String expected) {
        return new Probe("/items/5?q=somequery", null, null, expected).validate(1, MavenHints.INSTANCE);
    }

    @Test
    void jsonIgnoresWhitespaceAndKeyOrder() {
        Probe probe = json(GUIDE_JSON);
        assertEquals(Optional.empty(), probe.mismatch(200, "{\"item_id\":5,\"q\":\"somequery\"}"));
        assertEquals(Optional.empty(), probe.mismatch(200, "{\n  \"q\" : \"somequery\",\n  \"item_id\" : 5\n}"));
    }

    @Test
    void jsonComparesNumbersByValue() {
        assertEquals(Optional.empty(), json("{\"price\": 5}").mismatch(200, "{\"price\": 5.0}"));
        assertEquals(Optional.empty(), json("[1e2]").mismatch(200, "[100]"));
        assertTrue(json("{\"price\": 5}").mismatch(200, "{\"price\": 5.5}").isPresent());
    }

    @Test
    void jsonDiffersOnValuesMissingOrExtraKeysAndArrayOrder() {
        Probe probe = json(GUIDE_JSON);
        assertEquals(Optional.of("JSON body differs"), probe.mismatch(200, "{\"item_id\": 5, \"q\": null}"));
        assertTrue(probe.mismatch(200, "{\"item_id\": 5}").isPresent(), "missing key");
        assertTrue(
                probe.mismatch(200, "{\"item_id\": 5, \"q\": \"somequery\", \"x\": 1}")
                        .isPresent(),
                "extra key");
        assertTrue(
                probe.mismatch(200, "{\"item_id\": \"5\", \"q\": \"somequery\"}")
                        .isPresent(),
                "string is not number");
        assertTrue(json("[1, 2]").mismatch(200, "[2, 1]").isPresent(), "arrays are ordered");
        assertEquals(Optional.empty(), json("{\"a\": [1, {\"b\": true}]}").mismatch(200, "{\"a\":[1,{\"b\":true}]}"));
    }

    @Test
    void bodyThatIsNotJsonIsReportedAsSuch() {
        assertEquals(
                Optional.of("body is not JSON"), json(GUIDE_JSON).mismatch(200, "<html>Internal Server Error</html>"));
        assertEquals(Optional.of("body is not JSON"), json(GUIDE_JSON).mismatch(200, ""));
        assertEquals(Optional.of("body is not JSON"), json("{}").mismatch(200, "{} trailing"));
    }

    @Test
    void statusDefaultsTo200AndIsCompared() {
        Probe probe = new Probe("/docs", null, null, null).validate(1, MavenHints.INSTANCE);
        assertEquals(200, probe.status());
        assertEquals(Optional.empty(), probe.mismatch(200, "anything"));
        assertEquals(Optional.of("status 404, expected 200"), probe.mismatch(404, "{\"detail\":\"Not Found\"}"));
        assertEquals(
                Optional.empty(),
                new Probe("/missing", 404, null, null)
                        .validate(1, MavenHints.INSTANCE)
                        .mismatch(404, ""));
    }

    @Test
    void containsIsASubstringOfTheBody() {
        Probe probe = new Probe("/docs", null, "Swagger UI", null).validate(1, MavenHints.INSTANCE);
        assertEquals(Optional.empty(), probe.mismatch(200, "<title>FastAPI - Swagger UI</title>"));
        assertEquals(Optional.of("body does not contain \"Swagger UI\""), probe.mismatch(200, "<title>ReDoc</title>"));
    }

    @Test
    void everyProblemIsNamed() {
        Probe probe = new Probe("/x", 200, "needle", "{\"a\": 1}").validate(1, MavenHints.INSTANCE);
        String problem = probe.mismatch(500, "Internal Server Error").orElseThrow();
        assertEquals("status 500, expected 200; body does not contain \"needle\"; body is not JSON", problem);
    }

    @Test
    void defaultsCheckSwaggerUiAndTheOpenApiDocument() {
        Probe docs = Probe.defaults().get(0);
        Probe openapi = Probe.defaults().get(1);
        assertEquals("/docs", docs.path());
        assertEquals(Optional.empty(), docs.mismatch(200, "<title>FastAPI - Swagger UI</title>"));
        assertEquals("/openapi.json", openapi.path());
        assertEquals(Optional.empty(), openapi.mismatch(200, "{\"openapi\":\"3.1.0\",\"info\":{}}"));
        assertEquals(Optional.of("JSON body has no field \"openapi\""), openapi.mismatch(200, "{\"swagger\":\"2.0\"}"));
        assertEquals(Optional.of("JSON body has no field \"openapi\""), openapi.mismatch(200, "[\"openapi\"]"));
    }

    @Test
    void expectationSaysWhatIsChecked() {
        assertEquals(
                "status 200, JSON {\"item_id\":5,\"q\":\"somequery\"}",
                json(GUIDE_JSON).expectation());
        assertEquals(
                "status 200, body containing \"Swagger UI\"",
                Probe.defaults().get(0).expectation());
    }

    @Test
    void badConfigurationNamesTheElement() {
        ConfigurationException e = assertThrows(
                ConfigurationException.class, () -> new Probe(null, null, null, null).validate(2, MavenHints.INSTANCE));
        assertEquals("<probes><probe> #2: <path> must be set, for example /docs", e.getMessage());

        e = assertThrows(ConfigurationException.class, () -> new Probe("docs", null, null, null)
                .validate(1, MavenHints.INSTANCE));
        assertTrue(e.getMessage().contains("<path> must be a path and query starting with /"), e.getMessage());
        assertThrows(ConfigurationException.class, () -> new Probe("//evil.example/x", null, null, null)
                .validate(1, MavenHints.INSTANCE));
        assertThrows(ConfigurationException.class, () -> new Probe("/a b", null, null, null)
                .validate(1, MavenHints.INSTANCE));

        e = assertThrows(
                ConfigurationException.class, () -> new Probe("/x", 42, null, null).validate(1, MavenHints.INSTANCE));
        assertEquals("<probes><probe> #1 (/x): <status> must be 100-599, was 42", e.getMessage());

        e = assertThrows(ConfigurationException.class, () -> new Probe("/x", null, null, "{item_id: 5}")
                .validate(3, MavenHints.INSTANCE));
        assertTrue(e.getMessage().startsWith("<probes><probe> #3 (/x): <json> is not valid JSON: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(was {item_id: 5})"), e.getMessage());
    }

    @Test
    void blankElementsAreUnset() {
        Probe probe = new Probe("/docs", null, "  ", "\n");
        assertEquals(null, probe.contains());
        assertEquals(null, probe.json());
    }
}
