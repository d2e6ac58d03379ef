package io.billwright.simulations.report;

/**
 * JSON string literals safe to embed in an HTML {@code <script>} element: besides JSON's own escapes,
 * {@code <}, {@code >} and {@code &} become {@code \}{@code u} escapes, so no data can close the element or
 * open a comment, and U+2028/U+2029 are escaped for older JavaScript parsers.
 */
final class Json {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    static String string(String text) {
        StringBuilder out = new StringBuilder((text == null ? 0 : text.length()) + 2);
        appendString(out, text);
        return out.toString();
    }

    static void appendString(StringBuilder out, String text) {
        out.append('"');
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                            out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                    .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
        }
        out.append('"');
    }
}
