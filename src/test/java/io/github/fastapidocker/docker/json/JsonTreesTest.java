package io.github.fastapidocker.docker.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trees and texts are the ones databind's ObjectMapper gives, which is the oracle here. */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Engine answers and reports of every shape: nesting, numbers of each size, escapes, nulls, unicode. */
    private static final List<String> DOCUMENTS = List.of(
            "{}",
            "[]",
            "{\"Id\":\"sha256:abc\",\"RepoTags\":[\"x:1\",\"y:2\"],\"Size\":194480000,\"Config\":{\"Healthcheck\":null,"
                    + "\"Env\":[\"A=B\"],\"ExposedPorts\":{\"80/tcp\":{}}},\"ok\":true,\"no\":false}",
            "{\"int\":5,\"long\":9007199254740993,\"big\":123456789012345678901234567890,\"neg\":-3,"
                    + "\"float\":1.5,\"exp\":1e3,\"small\":-0.000001}",
            "{\"text\":\"line\\nnext \\\"quoted\\\" \\\\ tab\\t \\u00e9 \\u2603 \\ud83d\\ude00\",\"empty\":\"\"}",
            "[1,[2,[3,[4,{\"deep\":[null,true,\"s\"]}]]]]",
            "{\"dup\":1,\"dup\":2}",
            "\"just a string\"",
            "42",
            "null");

    @Test
    void readsTheTreesObjectMapperReads() throws IOException {
        for (String doc : DOCUMENTS) {
            assertEquals(MAPPER.readTree(doc), JsonTrees.read(doc), doc);
            assertEquals(MAPPER.readTree(doc), JsonTrees.read(doc.getBytes(StandardCharsets.UTF_8)), doc);
        }
    }

    @Test
    void writesTheTextsObjectMapperWrites() throws IOException {
        ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (String doc : DOCUMENTS) {
            JsonNode tree = MAPPER.readTree(doc);
            assertEquals(MAPPER.writeValueAsString(tree), JsonTrees.write(tree), doc);
            assertEquals(pretty.writeValueAsString(tree), JsonTrees.writePretty(tree), doc);
        }
        var built = JsonTrees.object().put("a", 1).put("f", 2.5f).put("l", 7L).putNull("n");
        built.putArray("xs").add("x").add(true);
        assertEquals(MAPPER.writeValueAsString(built), JsonTrees.write(built));
    }

    @Test
    void nothingIsAMissingNodeAndBrokenJsonFails() throws IOException {
        assertTrue(JsonTrees.read("").isMissingNode());
        assertTrue(JsonTrees.read("   \n").isMissingNode());
        assertTrue(JsonTrees.readStrict("").isMissingNode());
        for (String broken : List.of("{", "{\"a\":", "[1,2", "{\"a\" 1}", "nope", "{\"a\":1,}")) {
            assertThrows(JsonProcessingException.class, () -> JsonTrees.read(broken), broken);
            assertThrows(JsonProcessingException.class, () -> JsonTrees.readStrict(broken), broken);
        }
    }

    @Test
    void onlyTheStrictReadRefusesWhatFollowsTheValue() throws IOException {
        assertEquals(MAPPER.readTree("{\"a\":1}"), JsonTrees.read("{\"a\":1} trailing"));
        JsonProcessingException e =
                assertThrows(JsonProcessingException.class, () -> JsonTrees.readStrict("{\"a\": 1} {\"b\": 2}"));
        assertTrue(e.getOriginalMessage().startsWith("Trailing token"), e.getOriginalMessage());
        assertEquals(MAPPER.readTree("{\"a\":1}"), JsonTrees.readStrict(" {\"a\": 1}\n"));
    }

    @Test
    void aStreamOfValuesIsReadOneAfterAnother() throws IOException {
        String stream =
                "{\"stream\":\"Step 1/2\\n\"}\r\n{\"aux\":{\"ID\":\"sha256:1\"}}\n\n[1]\"x\"{\"errorDetail\":{}}";
        List<JsonNode> read = new ArrayList<>();
        try (JsonTrees.Values values =
                JsonTrees.values(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)))) {
            while (values.hasNext()) {
                assertTrue(values.hasNext(), "asking twice does not skip a value");
                read.add(values.next());
            }
            assertFalse(values.hasNext());
        }
        List<JsonNode> expected = new ArrayList<>();
        MAPPER.readerFor(JsonNode.class).readValues(stream).forEachRemaining(n -> expected.add((JsonNode) n));
        assertEquals(expected, read);
        assertEquals(5, read.size());
    }

    @Test
    void aStreamThatBreaksOffFails() throws IOException {
        try (JsonTrees.Values values = JsonTrees.values(
                new ByteArrayInputStream("{\"stream\":\"a\"}{\"stream\":".getBytes(StandardCharsets.UTF_8)))) {
            assertTrue(values.hasNext());
            assertEquals("a", values.next().path("stream").asText());
            assertTrue(values.hasNext());
            assertThrows(JsonProcessingException.class, values::next);
        }
    }
}
