package io.github.fastapidocker.maven;

import io.github.fastapidocker.kernel.ConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code <smokeEnv>} as Maven configures it: Maven's {@code -X} prints every parameter by its
 * {@code toString}, so this map shows its names and hides its values.
 */
public class SmokeEnvironment extends TreeMap<String, String> {
    private static final long serialVersionUID = 1L;

    public SmokeEnvironment() {}

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        keySet().forEach(k -> out.append(out.length() > 1 ? ", " : "").append(k).append("=****"));
        return out.append('}').toString();
    }

    /**
     * The container's variables: {@code values} ({@code <NAME/>} is an empty value, not the text
     * "null"), then each of {@code passed} with its value in {@code buildEnvironment}.
     *
     * @throws ConfigurationException when {@code buildEnvironment} does not set a passed name
     */
    static Map<String, String> merge(
            Map<String, String> values, List<String> passed, Map<String, String> buildEnvironment) {
        Map<String, String> env = new TreeMap<>();
        if (values != null) {
            values.forEach((k, v) -> env.put(k, v == null ? "" : v));
        }
        if (passed != null) {
            for (String raw : passed) {
                String name = raw == null ? "" : raw.trim();
                String value = buildEnvironment.get(name);
                if (value == null) {
                    throw new ConfigurationException("<smokePassEnv> names " + (name.isEmpty() ? "an empty name" : name)
                            + ", which is not set in the environment of this build: set it, or remove it from"
                            + " <smokePassEnv>");
                }
                env.put(name, value);
            }
        }
        return env;
    }
}
