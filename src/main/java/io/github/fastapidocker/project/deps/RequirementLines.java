package io.github.fastapidocker.project.deps;

import io.github.fastapidocker.kernel.Urls;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one line of a requirements file (or one PEP 508 string) says: an option's value, a local path, a login. */
final class RequirementLines {
    private static final List<String> ARCHIVES = List.of(".whl", ".tar.gz", ".zip", ".tar.bz2", ".tgz");
    /** pip replaces {@code ${NAME}} in a requirements file with the environment variable's value. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("(\\$\\{[A-Za-z0-9_]+\\})+");

    private RequirementLines() {}

    /** The value of an option line ({@code -r x}, {@code -rx}, {@code --requirement=x}), or {@code null}. */
    static String value(String line, List<String> options) {
        for (String option : options) {
            if (!line.startsWith(option)) {
                continue;
            }
            String rest = line.substring(option.length());
            if (option.startsWith("--")) {
                if (!rest.isEmpty() && rest.charAt(0) != '=' && !Character.isWhitespace(rest.charAt(0))) {
                    continue;
                }
                rest = rest.trim();
                return (rest.startsWith("=") ? rest.substring(1) : rest).trim();
            }
            return rest.trim();
        }
        return null;
    }

    /** A path on this machine (not a name, a URL or a VCS link): pip would read it from the code. */
    static boolean isLocal(String requirement) {
        String r = requirement.trim();
        String lower = r.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:") || lower.matches(".*@\\s*file:.*")) {
            return true;
        }
        if (r.contains("://") || r.contains("@")) {
            return false;
        }
        return r.startsWith(".")
                || r.startsWith("/")
                || r.startsWith("~")
                || r.contains("/")
                || r.contains("\\")
                || ARCHIVES.stream().anyMatch(lower::endsWith);
    }

    /** pip takes a quoted path ({@code -r "my reqs.txt"}) as the path inside the quotes. */
    static String unquoted(String value) {
        if (value.length() >= 2
                && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /**
     * Whether a URL in {@code text} carries a secret: a password ({@code user:password@}), or any
     * user over HTTP(S) (a token as the user name). {@code ssh://git@host} names a user, no secret,
     * and neither is pip's reference to an environment variable ({@code user:${TOKEN}@}).
     */
    static boolean carriesLogin(String text) {
        Matcher m = Urls.USER_INFO.matcher(text);
        while (m.find()) {
            String userInfo = m.group(2);
            int colon = userInfo.indexOf(':');
            String secret = colon >= 0
                    ? userInfo.substring(colon + 1)
                    : m.group(1).toLowerCase(Locale.ROOT).matches("(.*\\+)?https?") ? userInfo : "";
            if (!secret.isEmpty() && !ENV_REFERENCE.matcher(secret).matches()) {
                return true;
            }
        }
        return false;
    }
}
