package io.billwright.events;

import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.Map;

/**
 * The schemas' regular expressions as the validator evaluates them (its JDK factory: {@code Matcher.find()},
 * with {@code $} read as {@code \z}), those that most messages meet written out as plain checks. A
 * message meets {@code \S} once per identifier and the extension-name pattern twice per envelope attribute;
 * matching them with {@code java.util.regex} was a fifth of the envelope check. Each check is tested against
 * the JDK expression on many strings ({@code SchemaPatternsTest}); any other pattern is the JDK's. (The time and
 * currency patterns are met once per message, the others several times.)
 */
final class SchemaPatterns implements RegularExpressionFactory {

    /** The envelope's {@code time}: RFC 3339 with a zone (the format checks the calendar). */
    static final String TIME = "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$";

    private static final Map<String, RegularExpression> WRITTEN_OUT = Map.of(
            "\\S", SchemaPatterns::hasNonSpace,
            "^(?!data$)[a-z0-9]{1,20}$", SchemaPatterns::isExtensionName,
            "^[0-9]{1,15}(\\.[0-9]{1,6})?$", SchemaPatterns::isDecimal,
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", SchemaPatterns::isDateShape,
            TIME, SchemaPatterns::isTimeShape,
            "^[A-Z]{3}$", SchemaPatterns::isCurrencyShape);

    @Override
    public RegularExpression getRegularExpression(String regex) {
        RegularExpression written = WRITTEN_OUT.get(regex);
        return written != null ? written : JDKRegularExpressionFactory.getInstance().getRegularExpression(regex);
    }

    /** {@code \S} found: a character other than the six ASCII spaces {@code \s} means without flags. */
    static boolean hasNonSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** {@code ^(?!data\z)[a-z0-9]{1,20}\z}: 1 to 20 ASCII lower-case letters and digits, not {@code data}. */
    static boolean isExtensionName(String text) {
        if (text.isEmpty() || text.length() > 20 || text.equals("data")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || isDigit(c))) {
                return false;
            }
        }
        return true;
    }

    /** {@code ^[0-9]{1,15}(\.[0-9]{1,6})?\z}: 1 to 15 digits, then nothing or a point and 1 to 6 digits. */
    static boolean isDecimal(String text) {
        int whole = digitsFrom(text, 0);
        if (whole < 1 || whole > 15) {
            return false;
        }
        if (whole == text.length()) {
            return true;
        }
        if (text.charAt(whole) != '.') {
            return false;
        }
        int fraction = digitsFrom(text, whole + 1);
        return fraction >= 1 && fraction <= 6 && whole + 1 + fraction == text.length();
    }

    /** {@code ^[0-9]{4}-[0-9]{2}-[0-9]{2}\z}: the shape of a date only (the format checks the calendar). */
    static boolean isDateShape(String text) {
        return text.length() == 10 && digitsFrom(text, 0) == 4 && text.charAt(4) == '-' && digitsFrom(text, 5) == 2
                && text.charAt(7) == '-' && digitsFrom(text, 8) == 2;
    }

    /** {@link #TIME}: date, T, time, optional fraction, then Z or an offset {@code +hh:mm}, and nothing after. */
    static boolean isTimeShape(String text) {
        if (text.length() < 20 || !isDateShape(text.substring(0, 10))) {
            return false;
        }
        char t = text.charAt(10);
        if (t != 'T' && t != 't' || digitsFrom(text, 11) < 2 || text.charAt(13) != ':' || digitsFrom(text, 14) < 2
                || text.charAt(16) != ':' || digitsFrom(text, 17) < 2) {
            return false;
        }
        int at = 19;
        if (text.charAt(at) == '.') {
            int fraction = digitsFrom(text, at + 1);
            if (fraction == 0) {
                return false;
            }
            at += 1 + fraction;
        }
        String zone = text.substring(at);
        if (zone.equals("Z") || zone.equals("z")) {
            return true;
        }
        return zone.length() == 6 && (zone.charAt(0) == '+' || zone.charAt(0) == '-') && digitsFrom(zone, 1) == 2
                && zone.charAt(3) == ':' && digitsFrom(zone, 4) == 2;
    }

    /** {@code ^[A-Z]{3}\z}: three ASCII capitals. */
    static boolean isCurrencyShape(String text) {
        return text.length() == 3 && isCapital(text.charAt(0)) && isCapital(text.charAt(1)) && isCapital(text.charAt(2));
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** How many ASCII digits follow {@code from}. */
    private static int digitsFrom(String text, int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
