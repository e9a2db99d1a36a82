package io.github.fastapidocker.build;

import io.github.fastapidocker.kernel.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} file with Docker's own semantics (moby's {@code patternmatcher}, which
 * BuildKit and the classic builder share): one pattern a line, {@code #} comments, patterns
 * cleaned and relative to the context root (a leading {@code /} means the same), {@code *} and
 * {@code ?} within one path segment, {@code **} across any number of them, {@code !} re-includes,
 * the last matching pattern wins, and a pattern that matches a directory excludes what is in it.
 * docker-java and Testcontainers each have a matcher of their own that differs from Docker's, so
 * this one follows moby's code, case for case (see {@code DockerIgnoreTest}).
 */
public final class DockerIgnore {
    /** Patterns in file order. */
    private final List<Rule> rules;

    private record Rule(Pattern regex, boolean exclusion, String text) {}

    /** Ignores nothing. */
    public static final DockerIgnore NONE = new DockerIgnore(List.of());

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    /**
     * Reads a {@code .dockerignore} file. Docker reads it as bytes: a line that is not UTF-8 (a
     * Latin-1 comment) is no error, its bad bytes just match no file name.
     */
    public static DockerIgnore read(Path file) {
        try {
            return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                    .lines()
                    .toList());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(
                    file + " " + e.getMessage()
                            + ": fix the pattern (Docker fails the build on a pattern it cannot read; write \\[ for a [ itself)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Parses the lines of a {@code .dockerignore} file. */
    public static DockerIgnore parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.startsWith("#")) {
                continue;
            }
            String pattern = line.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean exclusion = pattern.startsWith("!");
            if (exclusion) {
                pattern = pattern.substring(1).strip();
            }
            if (pattern.isEmpty()) {
                continue;
            }
            pattern = clean(pattern);
            if (pattern.length() > 1 && pattern.startsWith("/")) {
                pattern = pattern.substring(1);
            }
            Pattern regex;
            try {
                regex = compile(pattern);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + ": '" + line.strip() + "' " + e.getMessage(), e);
            }
            rules.add(new Rule(regex, exclusion, (exclusion ? "!" : "") + pattern));
        }
        return new DockerIgnore(List.copyOf(rules));
    }

    /** Whether nothing is ignored. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * Whether a path of the context ({@code /}-separated, relative to its root) is left out: the
     * last pattern that matches it or one of its parent directories decides.
     */
    public boolean excludes(String path) {
        String file = clean(path);
        List<String> parents = new ArrayList<>();
        int slash = -1;
        while ((slash = file.indexOf('/', slash + 1)) > 0) {
            parents.add(file.substring(0, slash));
        }
        boolean matched = false;
        for (Rule rule : rules) {
            // An inclusion cannot change an unmatched path, an exclusion a matched one.
            if (rule.exclusion() != matched) {
                continue;
            }
            boolean match = rule.regex().matcher(file).matches();
            for (int i = 0; !match && i < parents.size(); i++) {
                match = rule.regex().matcher(parents.get(i)).matches();
            }
            if (match) {
                matched = !rule.exclusion();
            }
        }
        return matched;
    }

    /** Go's {@code filepath.Clean} for {@code /} paths: no empty, {@code .} or resolvable {@code ..} segments. */
    static String clean(String path) {
        boolean rooted = path.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")
                    && !out.isEmpty()
                    && !out.get(out.size() - 1).equals("..")) {
                out.remove(out.size() - 1);
            } else if (!(segment.equals("..") && rooted)) {
                out.add(segment);
            }
        }
        String joined = String.join("/", out);
        return rooted ? "/" + joined : joined.isEmpty() ? "." : joined;
    }

    /** The regular expression moby builds for a pattern. */
    static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder("^");
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (i + 1 < n && pattern.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < n && pattern.charAt(i + 1) == '/') {
                        i++;
                    }
                    // "**" at the end matches everything; "**/" any number of directories.
                    regex.append(i + 1 >= n ? ".*" : "(.*/)?");
                } else {
                    regex.append("[^/]*");
                }
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '\\' && i + 1 < n) {
                i++;
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
            } else if (c == '[') {
                int end = pattern.indexOf(']', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("has a [ without its ]");
                } else {
                    // Go's character classes ([a-z], [^0-9]) read the same as Java's.
                    regex.append(pattern, i, end + 1);
                    i = end;
                }
            } else if (".+()|{}$^".indexOf(c) >= 0) {
                regex.append('\\').append(c);
            } else {
                regex.append(c);
            }
        }
        try {
            return Pattern.compile(regex.append('$').toString());
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("is not a pattern: " + e.getDescription());
        }
    }

    @Override
    public String toString() {
        return rules.stream().map(Rule::text).toList().toString();
    }
}
