package io.chargegate.driver.simulator.internal;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in configuration properties before they leave the gateway (the diagnostics archive): the whole
 * value of a property whose name contains (case-insensitive) one of {@link #SECRET_NAME_PARTS}, and in every other
 * value the password of a URL's user info ({@code ws://user:pass@host} becomes {@code ws://user:********@host}).
 * Everything else is rendered unchanged.
 */
final class SecretMasker {

    /** What a secret is replaced with. */
    static final String MASK = "********";

    /** Parts of property names (lower case) that mark the whole value secret. */
    static final List<String> SECRET_NAME_PARTS = List.of("password", "secret", "authorizationkey", "token",
            "credential", "privatekey", "passphrase");

    /** scheme://user:password@ ; the password may hold ':' but no '@', '/', '?', '#' or white space. */
    private static final Pattern URL_USER_INFO =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*://[^\\s/?#@:]*:)([^\\s/?#@]+)@");

    private SecretMasker() {
    }

    /** Whether a property of this name holds a secret. */
    static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String part : SECRET_NAME_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** The text with the password of every URL's user info masked; unchanged when it has none. */
    static String maskUrlPasswords(String text) {
        Matcher m = URL_USER_INFO.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        do {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * A property value as text with its secrets masked: {@link #MASK} for a secret name, else the value (arrays and
     * collections as {@code [a, b]}) with URL passwords masked.
     */
    static String render(String name, Object value) {
        if (isSecretName(name)) {
            return MASK;
        }
        return maskUrlPasswords(text(value));
    }

    /** Whether {@link #render} changes anything of this property. */
    static boolean masks(String name, Object value) {
        return isSecretName(name) || !maskUrlPasswords(text(value)).equals(text(value));
    }

    private static String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            StringJoiner joiner = new StringJoiner(", ", "[", "]");
            for (int i = 0; i < Array.getLength(value); i++) {
                joiner.add(text(Array.get(value, i)));
            }
            return joiner.toString();
        }
        if (value instanceof Collection<?> collection) {
            StringJoiner joiner = new StringJoiner(", ", "[", "]");
            for (Object element : collection) {
                joiner.add(text(element));
            }
            return joiner.toString();
        }
        return value.toString();
    }
}
