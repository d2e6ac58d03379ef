package io.billwright.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billwright.events.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A message id seen before: a redelivery, or another event under a reused id. */
class RedeliveryTest {

    private final MessageReader reader = new MessageReader(new InboundSchemas(), new EventDecoder(), 1_048_576);
    private final TestMessages.Msg entry = TestMessages.timeEntry("C-RD-1", "TE-1", LocalDate.of(2026, 1, 5), "8",
            "APPROVED");

    private InboundMessage read(String body) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSameEnvelopeAndDataIsARedelivery() {
        InboundMessage first = read(entry.body());
        Redelivery.Prior prior = new Redelivery.Prior(first.contentHash(), first.envelopeHash());

        assertThat(Redelivery.judge(read(entry.body()), prior, null)).isEqualTo(Redelivery.Verdict.DUPLICATE_MESSAGE);
    }

    @Test
    void theSameDataFromAnotherSourceIsAnotherEventUnderAReusedId() {
        InboundMessage first = read(entry.body());
        Redelivery.Prior prior = new Redelivery.Prior(first.contentHash(), first.envelopeHash());
        InboundMessage otherSource = read(entry.body().replace("\"source\":\"/test\"", "\"source\":\"/other\""));

        assertThat(otherSource.contentHash()).isEqualTo(first.contentHash());
        assertThatThrownBy(() -> Redelivery.judge(otherSource, prior, null))
                .isInstanceOfSatisfying(RejectedMessage.class, e -> assertThat(e.reason()).isEqualTo(ParkReason.ID_REUSED))
                .hasMessageContaining("same data from another source");
    }

    @Test
    void aRecordWithoutAnEnvelopeHashComparesTheDataOnly() {
        InboundMessage first = read(entry.body());
        InboundMessage otherSource = read(entry.body().replace("\"source\":\"/test\"", "\"source\":\"/other\""));

        assertThat(Redelivery.judge(otherSource, new Redelivery.Prior(first.contentHash(), null), null))
                .isEqualTo(Redelivery.Verdict.DUPLICATE_MESSAGE);
    }
}
