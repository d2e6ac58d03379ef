package io.billwright.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each written-out pattern decides every string as the validator's JDK expression does. */
class SchemaPatternsTest {

    private static final List<String> WRITTEN_OUT = List.of("\\S", "^(?!data$)[a-z0-9]{1,20}$",
            "^[0-9]{1,15}(\\.[0-9]{1,6})?$", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", SchemaPatterns.TIME, "^[A-Z]{3}$");
    private static final List<String> TIMES = List.of("2026-01-05T17:30:00Z", "2026-01-05t17:30:00z",
            "2026-01-05T17:30:00.123Z", "2026-01-05T17:30:00+01:00", "2026-01-05T17:30:00.5-11:30", "EUR", "usd");
    private static final String ALPHABET = "0123456789.-az mdat_AZ:\t\n\r\u000B\f\u0085\u00a0\u2028\u3000é😀٣";

    @Test
    void writtenOutPatternsAgreeWithTheJdkOnEdgeAndRandomStrings() {
        List<String> texts = edges();
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            texts.add(random(random));
            texts.add(mutated(random, TIMES.get(random.nextInt(TIMES.size()))));
        }
        SchemaPatterns patterns = new SchemaPatterns();
        for (String regex : WRITTEN_OUT) {
            RegularExpression jdk = JDKRegularExpressionFactory.getInstance().getRegularExpression(regex);
            RegularExpression written = patterns.getRegularExpression(regex);
            assertThat(written.getClass()).as("written out").isNotEqualTo(jdk.getClass());
            for (String text : texts) {
                assertThat(written.matches(text)).as("%s on '%s'", regex, text).isEqualTo(jdk.matches(text));
            }
        }
    }

    @Test
    void anyOtherPatternIsTheJdks() {
        RegularExpression other = new SchemaPatterns().getRegularExpression("^[A-Z]{3}$");
        assertThat(other.matches("EUR")).isTrue();
        assertThat(other.matches("EURO")).isFalse();
        assertThat(other.matches("EUR\n")).as("$ is the end, as the validator reads it").isFalse();
    }

    private static List<String> edges() {
        List<String> out = new ArrayList<>(List.of("", " ", "\t\n\r\u000B\f ", "\u00a0", "\u2028", "x", " x ", "😀",
                "\ud83d", "data", "data\n", "datax", "xdata", "dat", "DATA", "a".repeat(20), "a".repeat(21),
                "0".repeat(20) + "\n", "specversion", "id", "traceparent", "ext1", "Ext", "a_b", "a-b",
                "2026-01-05", "2026-01-05\n", "2026-1-05", "20260-01-05", "2026-01-5", "٢٠٢٦-01-05", "2026-01-05 ",
                "1.", ".5", "1..5", "1.5.", "-1", "+1", "1e3", "1,5", "1.5\n"));
        for (int whole = 0; whole <= 17; whole++) {
            for (int fraction = -1; fraction <= 8; fraction++) {
                out.add("7".repeat(whole) + (fraction < 0 ? "" : "." + "3".repeat(fraction)));
            }
        }
        return out;
    }

    /** A time or currency with up to three characters changed, inserted or dropped: near misses. */
    private static String mutated(Random random, String text) {
        String near = "0123456789-:.TtZz+-EURX \n";
        StringBuilder out = new StringBuilder(text);
        int changes = random.nextInt(4);
        for (int c = 0; c < changes && out.length() > 0; c++) {
            int at = random.nextInt(out.length());
            char with = near.charAt(random.nextInt(near.length()));
            switch (random.nextInt(3)) {
                case 0 -> out.setCharAt(at, with);
                case 1 -> out.insert(at, with);
                default -> out.deleteCharAt(at);
            }
        }
        return out.toString();
    }

    private static String random(Random random) {
        int[] codePoints = ALPHABET.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(random.nextBoolean() ? 6 : 24);
        boolean digitsMostly = random.nextBoolean();
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(digitsMostly && random.nextInt(4) > 0 ? '0' + random.nextInt(10)
                    : codePoints[random.nextInt(codePoints.length)]);
        }
        return out.toString();
    }
}
