package io.chargegate.ocpp.rpc.conformance;

/**
 * Test strings: of an exact length in code points (the unit of JSON Schema {@code maxLength}), with a
 * non-ASCII BMP character and a supplementary character so that UTF-16-length and UTF-8-length counting
 * bugs show.
 */
final class Strings {

    /** A BMP non-ASCII character (two UTF-8 bytes). */
    static final String E_ACUTE = "é";
    /** A supplementary character (two UTF-16 units, four UTF-8 bytes): U+1F50C ELECTRIC PLUG. */
    static final String PLUG = new String(Character.toChars(0x1F50C));

    private Strings() {
    }

    /** A string of exactly {@code length} code points: {@code é}, the seed's ASCII letters, filler, and a plug at the end. */
    static String exactLength(int length, String seed) {
        if (length <= 0) {
            return "";
        }
        if (length == 1) {
            return E_ACUTE;
        }
        StringBuilder sb = new StringBuilder(E_ACUTE);
        int cps = 1;
        for (char c : seed.toCharArray()) {
            if (cps >= length - 1) {
                break;
            }
            if (c < 128 && Character.isLetterOrDigit(c)) {
                sb.append(c);
                cps++;
            }
        }
        while (cps < length - 1) {
            sb.append((char) ('a' + cps % 26));
            cps++;
        }
        sb.append(PLUG);
        return sb.toString();
    }

    /** A free-length text (for strings without maxLength) with non-ASCII content. */
    static String free(String seed, int index) {
        return "Wert " + E_ACUTE + " " + PLUG + " " + seed + " #" + index;
    }
}
