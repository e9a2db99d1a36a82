package io.github.fastapidocker.maven;

import io.github.fastapidocker.build.ImageTags;
import io.github.fastapidocker.kernel.ConfigurationException;
import java.io.File;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Makes a user property given on the command line win over the POM, for every parameter that has
 * one (as Jib does for {@code jib.*}). Maven's own rule is the other way round: a value in
 * {@code <configuration>} silently beats {@code -Dfastapi.image=...}, so a release command that
 * names the image would push to the POM's. Each override is logged; secrets are not shown.
 */
final class CommandLineOverrides {
    private static final Pattern PROPERTY_EXPRESSION = Pattern.compile("\\$\\{([^}]+)\\}");

    private CommandLineOverrides() {}

    /**
     * @param mojo the goal whose fields Maven has configured
     * @param descriptor its descriptor: each parameter's name (the field) and property expression
     * @param configuration the execution's merged configuration (POM and defaults), or {@code null}
     * @param userProperties the properties given on the command line ({@code -D})
     */
    static void apply(
            AbstractFastApiMojo mojo,
            MojoDescriptor descriptor,
            Xpp3Dom configuration,
            Properties userProperties,
            Log log) {
        if (descriptor == null || descriptor.getParameters() == null || userProperties == null) {
            return;
        }
        for (Parameter parameter : descriptor.getParameters()) {
            String property = property(parameter.getExpression());
            if (property == null || !property.startsWith("fastapi.") || !userProperties.containsKey(property)) {
                continue;
            }
            Field field = field(mojo.getClass(), parameter.getName());
            if (field == null) {
                continue;
            }
            String given = userProperties.getProperty(property);
            Object value;
            try {
                value = convert(given, field.getType(), mojo.project);
            } catch (NumberFormatException e) {
                // Maven would refuse it when the POM does not set the parameter; a POM value must not hide it.
                throw new ConfigurationException("-D" + property + "=" + shown(parameter.getName(), given)
                        + " is not a whole number, which <" + parameter.getName() + "> takes. Fix the value");
            }
            if (value == null) {
                log.debug("Cannot apply " + property + " from the command line to " + parameter.getName());
                continue;
            }
            try {
                field.setAccessible(true);
                boolean changed = !Objects.equals(comparable(field.get(mojo)), comparable(value));
                if (changed) {
                    field.set(mojo, value);
                }
                // Maven itself lets a property win over a POM list (it reads the element's value
                // before its children): nothing to change then, but the POM's value still lost.
                if (changed || inPom(configuration, parameter)) {
                    log.info(property + "=" + shown(parameter.getName(), given) + " from the command line overrides <"
                            + parameter.getName() + ">");
                }
            } catch (IllegalAccessException e) {
                log.debug("Cannot apply " + property + ": " + e.getMessage());
            }
        }
    }

    /** {@code fastapi.image} of {@code ${fastapi.image}}; {@code null} for anything else. */
    static String property(String expression) {
        if (expression == null) {
            return null;
        }
        Matcher m = PROPERTY_EXPRESSION.matcher(expression.trim());
        return m.matches() ? m.group(1) : null;
    }

    /** Whether the POM gave the parameter a value of its own (children, or text other than the property). */
    static boolean inPom(Xpp3Dom configuration, Parameter parameter) {
        Xpp3Dom element = configuration == null ? null : configuration.getChild(parameter.getName());
        if (element == null) {
            return false;
        }
        String value = element.getValue();
        return element.getChildCount() > 0
                || (value != null
                        && !value.isBlank()
                        && !value.trim().equals(parameter.getExpression().trim()));
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // Declared higher up.
            }
        }
        return null;
    }

    /** The value as Maven would have injected it; {@code null} when the type is not one we convert. */
    static Object convert(String value, Class<?> type, MavenProject project) {
        String v = value == null ? "" : value.trim();
        if (type == String.class) {
            return value;
        }
        if (type == boolean.class || type == Boolean.class) {
            // -Dfastapi.skip alone means true, as for Maven.
            return v.isEmpty() || Boolean.parseBoolean(v);
        }
        if (type == int.class || type == Integer.class) {
            return Integer.valueOf(v); // NumberFormatException: the caller names the property
        }
        if (type == File.class) {
            File file = new File(v);
            return file.isAbsolute() || project == null ? file : new File(project.getBasedir(), v);
        }
        if (type == List.class) {
            return List.of(value);
        }
        return null;
    }

    /** Lists compare by their comma-separated entries: Maven may or may not have split them. */
    private static Object comparable(Object value) {
        if (value instanceof List<?> list) {
            return ImageTags.parse(list.stream().map(String::valueOf).toList());
        }
        return value;
    }

    private static String shown(String name, String value) {
        return name.toLowerCase(Locale.ROOT).contains("password") ? "****" : value;
    }
}
