package io.github.fastapidocker.kernel;

import java.util.regex.Pattern;

/** URLs in messages: the login in one is never shown. */
public final class Urls {
    /** A URL's scheme (group 1) and user-info (group 2): {@code https://user:token@host}. */
    public static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^/@\\s]+)@");

    private Urls() {}

    /**
     * {@code text} (a URL, or a line with URLs in it) with the login of every URL in it
     * ({@code https://user:token@host}) shown as {@code ****}.
     */
    public static String withoutLogin(String text) {
        return USER_INFO.matcher(text).replaceAll("$1://****@");
    }
}
