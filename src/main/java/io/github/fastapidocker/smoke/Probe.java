package io.github.fastapidocker.smoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.fastapidocker.docker.json.JsonTrees;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One HTTP check of the running image: a GET of {@code path} that must answer {@code status}, and
 * optionally a body containing {@code contains} and/or equal, as JSON, to {@code json}.
 *
 * @param path the path and query, starting with {@code /}
 * @param status the expected status
 * @param contains a substring the body must contain, or {@code null}
 * @param json the expected body as JSON text (whitespace and key order do not matter), or {@code null}
 * @param jsonField a field the body, a JSON object, must have, or {@code null} (used by the defaults)
 */
public record Probe(String path, int status, String contains, String json, String jsonField) {
    public static final int DEFAULT_STATUS = 200;

    /** Numbers compare by value ({@code 5} equals {@code 5.0}); everything else as Jackson does. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    /** A probe as configured: only a path and checks. */
    public Probe(String path, Integer status, String contains, String json) {
        this(path, status == null ? DEFAULT_STATUS : status, blankToNull(contains), blankToNull(json), null);
    }

    /**
     * What runs when no probes are configured: Swagger UI at {@code /docs} and the OpenAPI
     * document, both of which every FastAPI app serves unless the app turned them off.
     */
    public static List<Probe> defaults() {
        return List.of(
                new Probe("/docs", DEFAULT_STATUS, "Swagger UI", null, null),
                new Probe("/openapi.json", DEFAULT_STATUS, null, null, "openapi"));
    }

    /**
     * Checks the probe as configured, naming the part to fix.
     *
     * @param index the probe's place among the configured ones, from 1
     * @param hints how the user writes the probes and their fields
     */
    public Probe validate(int index, Hints hints) {
        String where = hints.name(Setting.PROBES) + hints.element(Setting.PROBES, "probe") + " #" + index
                + (path == null ? "" : " (" + path + ")");
        String pathField = hints.element(Setting.PROBES, "path");
        if (path == null || path.isBlank()) {
            throw new ConfigurationException(where + ": " + pathField + " must be set, for example /docs");
        }
        if (!path.startsWith("/")
                || path.startsWith("//")
                || path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)
                || path.contains("#")) {
            throw new ConfigurationException(where + ": " + pathField + " must be a path and query starting with /"
                    + " (no host, no spaces, no fragment), was '" + path + "'");
        }
        try {
            java.net.URI.create("http://127.0.0.1" + path);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(where + ": " + pathField + " is not a valid URI path: " + e.getMessage()
                    + " (percent-encode special characters)");
        }
        if (status < 100 || status > 599) {
            throw new ConfigurationException(
                    where + ": " + hints.element(Setting.PROBES, "status") + " must be 100-599, was " + status);
        }
        if (json != null) {
            try {
                parse(json);
            } catch (JsonProcessingException e) {
                throw new ConfigurationException(where + ": " + hints.element(Setting.PROBES, "json")
                        + " is not valid JSON: " + e.getOriginalMessage() + " (was " + json.strip() + ")");
            }
        }
        return this;
    }

    /** What the probe expects, for reports: {@code status 200, JSON {...}}. */
    public String expectation() {
        StringBuilder out = new StringBuilder("status ").append(status);
        if (contains != null) {
            out.append(", body containing \"").append(contains).append('"');
        }
        if (json != null) {
            out.append(", JSON ").append(compact(json));
        }
        if (jsonField != null) {
            out.append(", a JSON object with field \"").append(jsonField).append('"');
        }
        return out.toString();
    }

    /** Why the answer does not match, or empty when it does. */
    public Optional<String> mismatch(int actualStatus, String body) {
        return mismatch(actualStatus, body, null);
    }

    /**
     * Why the answer does not match, or empty when it does.
     *
     * @param cutAt the bytes read of a body that was cut, or {@code null} when it was read whole: a
     *     failed body check then says so
     */
    public Optional<String> mismatch(int actualStatus, String body, Integer cutAt) {
        List<String> problems = new ArrayList<>();
        if (actualStatus != status) {
            problems.add("status " + actualStatus + ", expected " + status);
        }
        if (contains != null && (body == null || !body.contains(contains))) {
            problems.add("body does not contain \"" + contains + "\"");
        }
        if (json != null || jsonField != null) {
            JsonNode actual;
            try {
                actual = parse(body == null ? "" : body);
            } catch (JsonProcessingException e) {
                actual = null;
            }
            if (actual == null || actual.isMissingNode()) {
                problems.add("body is not JSON");
            } else {
                if (json != null && !jsonEquals(expectedJson(), actual)) {
                    problems.add("JSON body differs");
                }
                if (jsonField != null && !(actual.isObject() && actual.has(jsonField))) {
                    problems.add("JSON body has no field \"" + jsonField + "\"");
                }
            }
        }
        if (cutAt != null && problems.stream().anyMatch(p -> p.startsWith("body") || p.startsWith("JSON"))) {
            problems.add("the body was cut at " + cutAt + " bytes (a probe reads at most " + HttpProber.BODY_LIMIT
                    + " bytes, within its time limit)");
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /** JSON equality: whitespace and key order do not matter, numbers compare by value. */
    static boolean jsonEquals(JsonNode expected, JsonNode actual) {
        return expected.equals(BY_VALUE, actual);
    }

    private JsonNode expectedJson() {
        try {
            return parse(json);
        } catch (JsonProcessingException e) {
            // validate() rejected such a probe already.
            throw new ConfigurationException(
                    "The expected JSON of probe " + path + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static JsonNode parse(String text) throws JsonProcessingException {
        // Strict: {"a": 1} trailing is not a JSON document.
        return JsonTrees.readStrict(text);
    }

    /** The JSON text without insignificant whitespace, or the text itself when it is not JSON. */
    static String compact(String text) {
        try {
            return JsonTrees.write(parse(text));
        } catch (JsonProcessingException e) {
            return text.strip();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The record's own form ({@code Probe[path=/docs, status=200, ...]}), which the smoke test's
     * fingerprint reads, written out: the generated one links method handles on its first call,
     * about 40 ms of a fresh JVM, in a goal that otherwise only compares two fingerprints.
     */
    @Override
    public String toString() {
        return "Probe[path=" + path + ", status=" + status + ", contains=" + contains + ", json=" + json
                + ", jsonField=" + jsonField + "]";
    }
}
