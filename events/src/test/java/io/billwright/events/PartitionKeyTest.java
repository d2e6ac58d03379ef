package io.billwright.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billwright.events.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionKeyTest {

    private final MessageReader reader = new MessageReader(new InboundSchemas(), new EventDecoder(), 1 << 20);

    @Test
    void theKeyIsTheContractIdOfEveryType() {
        assertThat(PartitionKey.of(bytes(TestMessages.contract("C-1", "NETSUITE").body()))).isEqualTo("C-1");
        assertThat(PartitionKey.of(bytes(TestMessages.timeEntry("C-2", "TE-1", LocalDate.of(2026, 1, 5), "8",
                "APPROVED").body()))).isEqualTo("C-2");
        assertThat(PartitionKey.of(bytes(TestMessages.periodClosed("C-3", "2026-01", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31)).body()))).isEqualTo("C-3");
        assertThat(PartitionKey.of(bytes("{\"specversion\": "))).as("not JSON").isNull();
        assertThat(PartitionKey.of(bytes("{\"type\":\"x\",\"data\":{}}"))).as("no contract").isNull();
    }

    @Test
    void aMessageWithItsContractsKeyPasses() {
        InboundMessage message = reader.read(bytes(TestMessages.expense("C-4", "EX-1", "10.00", "EUR").body()));
        PartitionKey.check(Map.of(PartitionKey.HEADER, "C-4"), message);
    }

    @Test
    void aMissingOrForeignKeyIsRefusedNamingTheContract() {
        InboundMessage message = reader.read(bytes(TestMessages.expense("C-5", "EX-1", "10.00", "EUR").body()));
        assertThatThrownBy(() -> PartitionKey.check(Map.of(), message)).isInstanceOfSatisfying(RejectedMessage.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(ParkReason.NO_PARTITION_KEY);
                    assertThat(e.field()).isEqualTo("partitionkey");
                    assertThat(e.getMessage()).contains("missing", "C-5");
                });
        assertThatThrownBy(() -> PartitionKey.check(Map.of(PartitionKey.HEADER, "C-6"), message))
                .isInstanceOfSatisfying(RejectedMessage.class, e -> {
                    assertThat(e.reason()).isEqualTo(ParkReason.NO_PARTITION_KEY);
                    assertThat(e.getMessage()).contains("'C-6'", "'C-5'");
                });
    }

    @Test
    void theCloudEventsExtensionMustNameTheSameContract() {
        String body = TestMessages.expense("C-7", "EX-1", "10.00", "EUR").body();
        assertThat(reader.read(bytes(body.replace("\"specversion\"", "\"partitionkey\":\"C-7\",\"specversion\"")))
                .contractId().value()).isEqualTo("C-7");
        assertThatThrownBy(() -> reader.read(bytes(body.replace("\"specversion\"",
                "\"partitionkey\":\"C-8\",\"specversion\"")))).isInstanceOfSatisfying(RejectedMessage.class,
                e -> assertThat(e.reason()).isEqualTo(ParkReason.NO_PARTITION_KEY));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
