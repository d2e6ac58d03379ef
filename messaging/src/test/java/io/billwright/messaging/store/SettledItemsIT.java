package io.billwright.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.BillingEngine;
import io.billwright.engine.Outcome;
import io.billwright.engine.contract.ContractId;
import io.billwright.engine.state.ContractState;
import io.billwright.events.InboundMessage;
import io.billwright.events.MessageReader;
import io.billwright.events.testing.TestMessages;
import io.billwright.messaging.processing.EventProcessor;
import io.billwright.messaging.processing.ProcessingResult;
import io.billwright.messaging.support.InMemoryReference;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.Sql;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.messaging.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A state read after the cache is lost (a restart, a partition moved here) leaves the settled items out,
 * and a message about one of them reads it in by key: a correction of a billed entry is decided exactly as
 * the engine decides it with the whole state in memory (rejected, ALREADY_BILLED), and the next close bills
 * exactly what it bills there.
 */
class SettledItemsIT {

    @Test
    void aStateReadLeavesSettledItemsOutAndAMessageAboutOneReadsItIn() {
        Topology topology = new Topology(TestInfrastructure.newNamespace());
        TestInfrastructure.Database database = TestInfrastructure.get().newPostgresSchema();
        String contract = TestMessages.uniqueContractId();
        List<TestMessages.Msg> messages = new ArrayList<>();
        messages.add(TestMessages.contract(contract, "NETSUITE"));
        for (int day = 5; day <= 9; day++) {
            messages.add(TestMessages.timeEntry(contract, "JAN-" + day, LocalDate.of(2026, 1, day), "8", "APPROVED"));
        }
        messages.add(TestMessages.periodClosed(contract, "2026-01", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
        messages.add(TestMessages.timeEntry(contract, "FEB-2", LocalDate.of(2026, 2, 2), "6", "APPROVED"));
        TestMessages.Msg correction = TestMessages.at(TestMessages.timeEntry("fix-jan-6", contract, "JAN-6",
                LocalDate.of(2026, 1, 6), "5", "APPROVED"), "2026-03-02T09:00:00Z");
        TestMessages.Msg february = TestMessages.periodClosed(contract, "2026-02", LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 2, 28));
        MessageReader reader = InMemoryReference.reader();

        try (ServiceHarness service = ServiceHarness.start(topology, database, Map.of())) {
            EventProcessor processor = service.bean(EventProcessor.class);
            ContractStateRepository states = service.bean(ContractStateRepository.class);
            processor.processAll(messages.stream().map(m -> read(reader, m)).toList());
            assertThat(Sql.count(database, "select count(*) from contract_item where settled")).as("January's five")
                    .isEqualTo(5);

            states.forget(new ContractId(contract));
            Map<String, ContractStateRepository.Snapshot> read = new TransactionTemplate(
                    service.bean(PlatformTransactionManager.class)).execute(status -> states.lockAll(
                    List.of(new ContractId(contract))));
            assertThat(read.get(contract).partial()).isTrue();
            assertThat(read.get(contract).state().items().keySet()).as("February's entry, not January's billed ones")
                    .contains("TIME_ENTRY:FEB-2").noneMatch(key -> key.startsWith("TIME_ENTRY:JAN-"));

            states.forget(new ContractId(contract));
            ProcessingResult corrected = processor.process(read(reader, correction));
            ProcessingResult closed = processor.process(read(reader, february));

            // the same messages through the engine with the whole state in memory
            BillingEngine engine = BillingEngine.using(InMemoryReference.ruleSet());
            ContractState state = ContractState.empty(new ContractId(contract));
            for (TestMessages.Msg message : messages) {
                state = engine.apply(read(reader, message).event(), state).state();
            }
            Outcome expectedCorrection = engine.apply(read(reader, correction).event(), state);
            Outcome expectedClose = engine.apply(read(reader, february).event(), expectedCorrection.state());

            assertThat(corrected.decisions()).isEqualTo(expectedCorrection.decisions());
            assertThat(corrected.decisions()).as("the billed entry, read in by key, is credited")
                    .extracting(d -> d.status() + " " + d.reason()).contains("ELIGIBLE CREDITED");
            assertThat(closed.packages()).isEqualTo(expectedClose.packages()).hasSize(2)
                    .anyMatch(io.billwright.engine.billing.BillingPackage::isCreditNote);
        } finally {
            try (TestBroker broker = new TestBroker()) {
                broker.deleteNamespace(topology);
            }
        }
    }

    @Test
    void anAmendmentReadsEverySettledItemInAndPricesTheBilledOnesAgainAsTheEngineDoesInMemory() {
        Topology topology = new Topology(TestInfrastructure.newNamespace());
        TestInfrastructure.Database database = TestInfrastructure.get().newPostgresSchema();
        String contract = TestMessages.uniqueContractId();
        List<TestMessages.Msg> messages = new ArrayList<>();
        TestMessages.Msg first = TestMessages.contract(contract, "NETSUITE");
        messages.add(first);
        for (int day = 5; day <= 9; day++) {
            messages.add(TestMessages.timeEntry(contract, "JAN-" + day, LocalDate.of(2026, 1, day), "8", "APPROVED"));
        }
        messages.add(TestMessages.periodClosed(contract, "2026-01", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
        // version 2 raises the consultant's rate from the first day of the contract: January is priced again
        TestMessages.Msg amendment = TestMessages.at(new TestMessages.Msg(first.routingKey(), "amend-" + contract,
                first.body().replace("\"id\":\"" + first.id() + "\"", "\"id\":\"amend-" + contract + "\"")
                        .replace("\"version\":1", "\"version\":2")
                        .replace("\"CONSULTANT\":\"100.00\"", "\"CONSULTANT\":\"110.00\"")), "2026-02-10T09:00:00Z");
        TestMessages.Msg february = TestMessages.periodClosed(contract, "2026-02", LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 2, 28));
        MessageReader reader = InMemoryReference.reader();

        try (ServiceHarness service = ServiceHarness.start(topology, database, Map.of())) {
            EventProcessor processor = service.bean(EventProcessor.class);
            ContractStateRepository states = service.bean(ContractStateRepository.class);
            processor.processAll(messages.stream().map(m -> read(reader, m)).toList());
            assertThat(Sql.count(database, "select count(*) from contract_item where settled")).isEqualTo(5);

            states.forget(new ContractId(contract));
            ProcessingResult amended = processor.process(read(reader, amendment));
            ProcessingResult closed = processor.process(read(reader, february));

            BillingEngine engine = BillingEngine.using(InMemoryReference.ruleSet());
            ContractState state = ContractState.empty(new ContractId(contract));
            for (TestMessages.Msg message : messages) {
                state = engine.apply(read(reader, message).event(), state).state();
            }
            Outcome expectedAmendment = engine.apply(read(reader, amendment).event(), state);
            Outcome expectedClose = engine.apply(read(reader, february).event(), expectedAmendment.state());

            assertThat(amended.decisions()).isEqualTo(expectedAmendment.decisions())
                    .filteredOn(d -> d.reason() == io.billwright.engine.decision.ReasonCode.CREDITED)
                    .as("each of January's five entries credited, to be billed again at the new rate").hasSize(5);
            assertThat(closed.packages()).isEqualTo(expectedClose.packages()).hasSize(2)
                    .anyMatch(io.billwright.engine.billing.BillingPackage::isCreditNote);
        } finally {
            try (TestBroker broker = new TestBroker()) {
                broker.deleteNamespace(topology);
            }
        }
    }

    private static InboundMessage read(MessageReader reader, TestMessages.Msg message) {
        return reader.read(message.body().getBytes(StandardCharsets.UTF_8));
    }
}
