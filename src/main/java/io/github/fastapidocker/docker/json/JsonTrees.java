package io.github.fastapidocker.docker.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Jackson's JSON trees ({@link JsonNode}) read and written with jackson-core's streaming parser
 * and generator, without databind's {@code ObjectMapper}: making the first mapper loads and links
 * about 300 classes, 0.2 s of a fresh JVM (measured: 210-245 ms against 25-36 ms for the same
 * read and write this way), which every goal paid on its first engine answer. The trees are the
 * same as {@code ObjectMapper.readTree} gives (integers as int, long or big-integer nodes, other
 * numbers as doubles, the last of duplicate keys), and the text the same as its writer's, with
 * {@link #writePretty} as {@code INDENT_OUTPUT}'s.
 *
 * <p>For the engine adapter and the reports; the TOML lock files keep their own mapper.
 */
public final class JsonTrees {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {}

    /** An empty object to fill. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * The document in {@code bytes}; a missing node for none. What follows the first value is
     * ignored, as {@code readTree} does.
     *
     * @throws JsonProcessingException when it is not JSON
     */
    public static JsonNode read(byte[] bytes) throws IOException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            return first(parser);
        }
    }

    /** {@link #read(byte[])} of a text. */
    public static JsonNode read(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return first(parser);
        }
    }

    /**
     * The document in {@code text}, which must be one JSON value and nothing after it
     * ({@code {"a": 1} trailing} is not a document); a missing node for none.
     */
    public static JsonNode readStrict(String text) throws JsonProcessingException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonNode node = first(parser);
            if (!node.isMissingNode() && parser.nextToken() != null) {
                throw new JsonParseException(
                        parser, "Trailing token (of type " + parser.currentToken() + ") after the JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string does not fail to read
        }
    }

    private static JsonNode first(JsonParser parser) throws IOException {
        return parser.nextToken() == null ? NODES.missingNode() : value(parser);
    }

    /**
     * A stream of JSON values one after another (the engine's build and push output): each
     * {@link Values#next()} reads one; the caller closes the stream.
     */
    public static Values values(InputStream in) throws IOException {
        return new Values(FACTORY.createParser(in));
    }

    /** The values of a stream, read as they come. */
    public static final class Values implements AutoCloseable {
        private final JsonParser parser;
        /** A value has started and was not read yet. */
        private boolean pending;

        private Values(JsonParser parser) {
            this.parser = parser;
        }

        /** Whether another value follows (this reads up to its start). */
        public boolean hasNext() throws IOException {
            if (!pending) {
                pending = parser.nextToken() != null;
            }
            return pending;
        }

        /** The next value. */
        public JsonNode next() throws IOException {
            if (!hasNext()) {
                throw new NoSuchElementException("no more JSON values");
            }
            JsonNode node = value(parser);
            pending = false;
            return node;
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /** The value whose first token the parser is at; leaves it at the value's last token. */
    private static JsonNode value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = next(parser); t != JsonToken.END_OBJECT; t = next(parser)) {
                    String name = parser.currentName();
                    next(parser);
                    object.set(name, value(parser));
                }
                return object;
            case START_ARRAY:
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = next(parser); t != JsonToken.END_ARRAY; t = next(parser)) {
                    array.add(value(parser));
                }
                return array;
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonParseException(parser, "Unexpected token " + token);
        }
    }

    private static JsonToken next(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new JsonParseException(parser, "Unexpected end-of-input");
        }
        return token;
    }

    /** The tree as compact JSON text. */
    public static String write(JsonNode node) {
        return write(node, false);
    }

    /** The tree as indented JSON text, as {@code ObjectMapper}'s {@code INDENT_OUTPUT} writes it. */
    public static String writePretty(JsonNode node) {
        return write(node, true);
    }

    private static String write(JsonNode node, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            if (pretty) {
                generator.useDefaultPrettyPrinter();
            }
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        if (node.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                g.writeFieldName(field.getKey());
                write(g, field.getValue());
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode element : node) {
                write(g, element);
            }
            g.writeEndArray();
        } else if (node.isTextual()) {
            g.writeString(node.textValue());
        } else if (node.isInt()) {
            g.writeNumber(node.intValue());
        } else if (node.isLong()) {
            g.writeNumber(node.longValue());
        } else if (node.isBigInteger()) {
            g.writeNumber(node.bigIntegerValue());
        } else if (node.isBigDecimal()) {
            g.writeNumber(node.decimalValue());
        } else if (node.isFloat()) {
            g.writeNumber(node.floatValue());
        } else if (node.isNumber()) {
            g.writeNumber(node.doubleValue());
        } else if (node.isBoolean()) {
            g.writeBoolean(node.booleanValue());
        } else if (node.isNull() || node.isMissingNode()) {
            g.writeNull();
        } else {
            g.writeString(node.asText()); // binary and POJO nodes are never built here
        }
    }
}
