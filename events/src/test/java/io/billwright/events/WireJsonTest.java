package io.billwright.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WireJsonTest {

    private final JsonMapper json = WireJson.mapper();

    record Line(String zulu, String amount, LocalDate date, BigDecimal rate, int count) {
    }

    @Test
    void writesRecordsInDeclarationOrderWithIsoDatesAndPlainDecimals() {
        String text = json.writeValueAsString(new Line("z", "1280.00", LocalDate.parse("2026-01-31"),
                new BigDecimal("1E+3"), 2));

        assertThat(text).isEqualTo("{\"zulu\":\"z\",\"amount\":\"1280.00\",\"date\":\"2026-01-31\",\"rate\":1000,\"count\":2}");
    }

    @Test
    void readsDecimalsExactlyKeepingTrailingZeros() {
        Line line = json.readValue("{\"zulu\":\"z\",\"amount\":\"0.10\",\"date\":\"2026-01-31\",\"rate\":0.10,\"count\":1}",
                Line.class);
        JsonNode tree = json.readTree("{\"rate\":1280.10}");

        assertThat(line.rate()).isEqualTo(new BigDecimal("0.10"));
        assertThat(tree.get("rate").decimalValue()).isEqualTo(new BigDecimal("1280.10"));
    }

    @Test
    void refusesAnUnknownProperty() {
        assertThatThrownBy(() -> json.readValue(
                "{\"zulu\":\"z\",\"amount\":\"1.00\",\"date\":\"2026-01-31\",\"rate\":1,\"count\":1,\"extra\":true}",
                Line.class)).isInstanceOf(JacksonException.class).hasMessageContaining("extra");
    }

    @Test
    void refusesAnAmountSentAsANumber() {
        assertThatThrownBy(() -> json.readValue(
                "{\"zulu\":\"z\",\"amount\":1280.0,\"date\":\"2026-01-31\",\"rate\":1,\"count\":1}", Line.class))
                .isInstanceOf(JacksonException.class);
    }
}
