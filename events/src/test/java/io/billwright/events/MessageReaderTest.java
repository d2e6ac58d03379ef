package io.billwright.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.billwright.engine.contract.ContractId;
import io.billwright.engine.event.EventId;
import io.billwright.engine.event.ManualAction;
import io.billwright.engine.event.ManualDecision;
import io.billwright.engine.event.TimeEntryRecorded;
import io.billwright.events.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of bad input is refused with its reason and the offending field; good input maps exactly. */
class MessageReaderTest {

    private final MessageReader reader = new MessageReader(new InboundSchemas(), new EventDecoder(), 1 << 20);

    @Test
    void mapsAValidTimeEntryToTheEngineEvent() {
        TestMessages.Msg msg = TestMessages.timeEntry("C-1", "TE-7", LocalDate.of(2026, 1, 5), "7.25", "APPROVED");
        InboundMessage message = read(msg.body());
        assertThat(message.type()).isEqualTo(EventType.TIME_ENTRY_RECORDED);
        assertThat(message.businessKey()).isEqualTo("timeentry:C-1:TE-7");
        assertThat(message.correlationId()).isEqualTo("corr-" + msg.id());
        TimeEntryRecorded event = (TimeEntryRecorded) message.event();
        assertThat(event.id().value()).isEqualTo(msg.id());
        assertThat(event.entry().hours()).as("nothing rounded on the way").isEqualByComparingTo("7.25");
    }

    @Test
    void theSameDataInAnotherKeyOrderHasTheSameContentHash() {
        String a = TestMessages.envelope(EventType.PERIOD_CLOSED, "m1",
                "{\"contractId\":\"C-1\",\"period\":{\"id\":\"P1\",\"start\":\"2026-01-01\",\"end\":\"2026-01-31\"}}").body();
        String b = TestMessages.envelope(EventType.PERIOD_CLOSED, "m2",
                "{\"period\":{\"end\":\"2026-01-31\",\"id\":\"P1\",\"start\":\"2026-01-01\"},\"contractId\":\"C-1\"}").body();
        assertThat(read(a).contentHash()).isEqualTo(read(b).contentHash());
        assertThat(read(a).businessKey()).isEqualTo(read(b).businessKey());
    }

    @Test
    void refusesMalformedJson() {
        RejectedMessage rejected = reject("{\"specversion\":\"1.0\", \"id\": ");
        assertThat(rejected.reason()).isEqualTo(ParkReason.MALFORMED_JSON);
        assertThat(rejected.detail()).contains("line 1");
    }

    @Test
    void refusesJsonThatIsNotAnObject() {
        assertThat(reject("[1, 2]").reason()).isEqualTo(ParkReason.MALFORMED_JSON);
    }

    @Test
    void refusesAMissingOrWrongSpecversion() {
        String body = TestMessages.timeEntry("C-1", "TE-1", LocalDate.of(2026, 1, 5), "8", "APPROVED").body();
        RejectedMessage missing = reject(body.replace("\"specversion\":\"1.0\",", ""));
        assertThat(missing.reason()).isEqualTo(ParkReason.UNSUPPORTED_SPECVERSION);
        assertThat(missing.field()).isEqualTo("specversion");
        RejectedMessage old = reject(body.replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\""));
        assertThat(old.reason()).isEqualTo(ParkReason.UNSUPPORTED_SPECVERSION);
        assertThat(old.detail()).contains("0.3");
    }

    @Test
    void refusesAnUnknownEventType() {
        String body = TestMessages.envelope(EventType.PERIOD_CLOSED, "m1", "{}").body()
                .replace(EventType.PERIOD_CLOSED.type(), "io.billwright.invoice.paid.v1");
        RejectedMessage rejected = reject(body);
        assertThat(rejected.reason()).isEqualTo(ParkReason.UNKNOWN_TYPE);
        assertThat(rejected.field()).isEqualTo("type");
        assertThat(rejected.detail()).contains("io.billwright.invoice.paid.v1");
    }

    @Test
    void refusesDataThatViolatesTheSchemaNamingTheField() {
        String body = TestMessages.timeEntry("C-1", "TE-1", LocalDate.of(2026, 1, 5), "8", "APPROVED").body()
                .replace("\"hours\":\"8\"", "\"hours\":8");
        RejectedMessage rejected = reject(body);
        assertThat(rejected.reason()).isEqualTo(ParkReason.SCHEMA_VIOLATION);
        assertThat(rejected.field()).isEqualTo("data.timeEntry.hours");
    }

    @Test
    void refusesAMissingRequiredFieldNamingIt() {
        String body = TestMessages.timeEntry("C-1", "TE-1", LocalDate.of(2026, 1, 5), "8", "APPROVED").body()
                .replace("\"date\":\"2026-01-05\",", "");
        RejectedMessage rejected = reject(body);
        assertThat(rejected.reason()).isEqualTo(ParkReason.SCHEMA_VIOLATION);
        assertThat(rejected.field()).isEqualTo("data.timeEntry.date");
    }

    @Test
    void refusesANegativeAmount() {
        RejectedMessage rejected = reject(TestMessages.expense("C-1", "EX-1", "-12.00", "EUR").body());
        assertThat(rejected.reason()).isEqualTo(ParkReason.SCHEMA_VIOLATION);
        assertThat(rejected.field()).isEqualTo("data.expense.amount");
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        RejectedMessage euro = reject(TestMessages.expense("C-1", "EX-1", "12.345", "EUR").body());
        assertThat(euro.reason()).isEqualTo(ParkReason.TOO_MANY_DECIMALS);
        assertThat(euro.field()).isEqualTo("data.expense.amount");
        assertThat(euro.detail()).contains("EUR");
        RejectedMessage yen = reject(TestMessages.expense("C-1", "EX-2", "1200.5", "JPY").body());
        assertThat(yen.reason()).isEqualTo(ParkReason.TOO_MANY_DECIMALS);
        assertThat(read(TestMessages.expense("C-1", "EX-3", "12.340", "EUR").body()).businessKey())
                .as("trailing zeros are not extra decimals").isEqualTo("expense:C-1:EX-3");
    }

    @Test
    void readsTheContractValueTheRetentionCapPercentAndTheCustomersTaxStatus() {
        String body = TestMessages.contract("C-1", "NETSUITE").body()
                .replace("\"taxId\":\"DE123456789\"}", "\"taxId\":\"DE123456789\",\"taxStatus\":\"BUSINESS\"}")
                .replace("\"cap\":\"100000.00\",", "\"capPercent\":\"5\",")
                .replace("\"erpTarget\"", "\"contractValue\":\"20000.00\",\"erpTarget\"");

        var contract = ((io.billwright.engine.event.ContractReceived) read(body).event()).contract();

        assertThat(contract.contractValue()).isEqualByComparingTo("20000.00");
        assertThat(contract.retention().capPercent()).isEqualByComparingTo("5");
        assertThat(contract.retention().capFor(contract.contractValue())).isEqualByComparingTo("1000.00");
        assertThat(contract.customer().taxStatus())
                .isEqualTo(io.billwright.engine.contract.CustomerTaxStatus.BUSINESS);
    }

    @Test
    void refusesARetentionCapPercentWithoutAContractValueNamingTheField() {
        String body = TestMessages.contract("C-1", "NETSUITE").body()
                .replace("\"cap\":\"100000.00\",", "\"capPercent\":\"5\",");

        RejectedMessage rejected = reject(body);

        assertThat(rejected.reason()).isEqualTo(ParkReason.INVALID_DATA);
        assertThat(rejected.field()).isEqualTo("data");
        assertThat(rejected.detail()).contains("capPercent").contains("contractValue");
    }

    @Test
    void refusesATaxStatusItDoesNotKnow() {
        RejectedMessage rejected = reject(TestMessages.contract("C-1", "NETSUITE").body()
                .replace("\"taxId\":\"DE123456789\"}", "\"taxId\":\"DE123456789\",\"taxStatus\":\"PARTNERSHIP\"}"));

        assertThat(rejected.reason()).isEqualTo(ParkReason.SCHEMA_VIOLATION);
        assertThat(rejected.field()).isEqualTo("data.customer.taxStatus");
    }

    @Test
    void refusesAnUnknownCurrency() {
        RejectedMessage rejected = reject(TestMessages.expense("C-1", "EX-1", "12.00", "XQZ").body());
        assertThat(rejected.reason()).isEqualTo(ParkReason.UNKNOWN_CURRENCY);
        assertThat(rejected.field()).isEqualTo("data.expense.currency");
        assertThat(rejected.detail()).contains("XQZ");
    }

    @Test
    void refusesABodyOverTheLimitBeforeParsingIt() {
        String padding = "x".repeat((1 << 20) + 1);
        RejectedMessage rejected = reject("{\"pad\":\"" + padding + "\"}");
        assertThat(rejected.reason()).isEqualTo(ParkReason.OVERSIZE);
        assertThat(rejected.detail()).contains("1048576");
    }

    @Test
    void mapsAManualDecisionToTheEngineEventKeyedByItsRequest() {
        TestMessages.Msg msg = TestMessages.manualDecision("C-1", "EXCESS:TIME_ENTRY:TE-7", "RELEASE", "REQ-42");

        InboundMessage message = read(msg.body());

        assertThat(message.type()).isEqualTo(EventType.ITEM_MANUALLY_DECIDED);
        assertThat(message.type().routingKey()).isEqualTo("item.manually-decided.v1");
        assertThat(message.businessKey()).isEqualTo("manual-decision:C-1:REQ-42");
        assertThat(message.contractId().value()).isEqualTo("C-1");
        assertThat(PartitionKey.of(msg.body().getBytes(StandardCharsets.UTF_8))).isEqualTo("C-1");
        assertThat((ManualDecision) message.event()).isEqualTo(new ManualDecision(new EventId(msg.id()),
                new ContractId("C-1"), "EXCESS:TIME_ENTRY:TE-7", ManualAction.RELEASE, "Client agreed to the overrun",
                "fiona@firm.example", "oscar@firm.example", "REQ-42"));
    }

    @Test
    void refusesAManualDecisionWithoutAReasonNamingTheField() {
        String body = TestMessages.manualDecision("C-1", "TIME_ENTRY:TE-7", "WRITE_OFF", "REQ-43").body()
                .replace("\"reason\":\"Client agreed to the overrun\",", "");

        RejectedMessage rejected = reject(body);

        assertThat(rejected.reason()).isEqualTo(ParkReason.SCHEMA_VIOLATION);
        assertThat(rejected.field()).isEqualTo("data.reason");
    }

    @Test
    void refusesAManualDecisionWithABlankReasonAnUnknownActionOrAnItemWithoutItsKind() {
        String msg = TestMessages.manualDecision("C-1", "TIME_ENTRY:TE-7", "WRITE_OFF", "REQ-44").body();

        RejectedMessage blank = reject(msg.replace("\"Client agreed to the overrun\"", "\"  \""));
        RejectedMessage action = reject(msg.replace("\"WRITE_OFF\"", "\"FORGIVE\""));
        RejectedMessage item = reject(msg.replace("\"TIME_ENTRY:TE-7\"", "\"TE-7\""));

        assertThat(blank.field()).isEqualTo("data.reason");
        assertThat(action.field()).isEqualTo("data.action");
        assertThat(item.field()).as("the item as its state keeps it, kind and id").isEqualTo("data.itemId");
        assertThat(List.of(blank.reason(), action.reason(), item.reason())).containsOnly(ParkReason.SCHEMA_VIOLATION);
    }

    @Test
    void refusesAManualDecisionApprovedByThePersonWhoRequestedIt() {
        String body = TestMessages.manualDecision("C-1", "TIME_ENTRY:TE-7", "RELEASE", "REQ-45").body()
                .replace("\"approvedBy\":\"oscar@firm.example\"", "\"approvedBy\":\"Fiona@firm.example\"");

        RejectedMessage rejected = reject(body);

        assertThat(rejected.reason()).isEqualTo(ParkReason.INVALID_DATA);
        assertThat(rejected.field()).isEqualTo("data.approvedBy");
        assertThat(rejected.detail()).isEqualTo("data.approvedBy: 'Fiona@firm.example' also requested the decision;"
                + " a manual decision needs a second person's approval");
    }

    private InboundMessage read(String body) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8));
    }

    private RejectedMessage reject(String body) {
        RejectedMessage rejected = catchThrowableOfType(RejectedMessage.class, () -> read(body));
        assertThat(rejected).as("rejected").isNotNull();
        return rejected;
    }
}
