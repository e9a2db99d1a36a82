package io.github.fastapidocker.kernel;

/** URLs in messages: the login in one is never shown. */
public final class Urls {
    private Urls() {}

    /** {@code url} with any login in it ({@code https://user:token@host}) shown as {@code ****}. */
    public static String withoutLogin(String url) {
        return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1****@");
    }
}
