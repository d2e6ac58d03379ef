package io.billwright.messaging.bench;

import io.billwright.events.InboundMessage;
import io.billwright.events.MessageReader;
import io.billwright.events.testing.TestMessages;
import io.billwright.engine.contract.ContractId;
import io.billwright.messaging.processing.EventProcessor;
import io.billwright.messaging.store.ContractStateRepository;
import io.billwright.messaging.support.InMemoryReference;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.messaging.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one message costs on an old contract against a young one (issue 13: the 20,000th message at most
 * 1.5 times the 100th). A contract is given {@code age} messages first (time entries, a close every 500, so
 * most of its items are billed, as in a long engagement); each measured call then applies one more
 * message to it through the service's own processor, in its own transaction, against PostgreSQL: a
 * correction of one entry, so the contract does not grow while it is measured. {@code warm} is the normal
 * case, the contract's state in this instance's cache (its partition stays with the instance);
 * {@code afterRebalance} forgets it first, as the first message after a partition moved does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StateAgeBenchmarks {

    @Param({"100", "20000"})
    public int age;

    private Topology topology;
    private ServiceHarness service;
    private EventProcessor processor;
    private ContractStateRepository states;
    private MessageReader reader;
    private String contract;
    private long sequence;

    @Setup(Level.Trial)
    public void fillTheContract() {
        topology = new Topology(TestInfrastructure.newNamespace());
        service = ServiceHarness.start(topology, TestInfrastructure.get().newPostgresSchema(),
                Map.of("logging.level.io.billwright", "WARN"));
        processor = service.bean(EventProcessor.class);
        states = service.bean(ContractStateRepository.class);
        reader = InMemoryReference.reader();
        contract = "C-AGE-" + age + "-" + topology.namespace();
        List<InboundMessage> batch = new ArrayList<>();
        batch.add(read(TestMessages.contract(contract, "NETSUITE")));
        LocalDate day = LocalDate.of(2026, 1, 1);
        for (int n = 1; n < age; n++) {
            if (n % 500 == 0) {
                batch.add(read(TestMessages.periodClosed("close-" + n, contract, "P-" + n, day.minusDays(400), day)));
            } else {
                day = LocalDate.of(2026, 1, 1).plusDays(n / 40);
                batch.add(read(TestMessages.timeEntry("m-" + n, contract, "TE-" + n, day, "1", "APPROVED")));
            }
            if (batch.size() == 200) {
                processor.processAll(batch);
                batch.clear();
            }
        }
        // everything so far billed: the young and the old contract differ in age, not in open items
        batch.add(read(TestMessages.periodClosed("close-all", contract, "P-ALL", day.minusDays(400),
                day.plusDays(1))));
        processor.processAll(batch);
    }

    @TearDown(Level.Trial)
    public void stop() {
        service.close();
        try (TestBroker broker = new TestBroker()) {
            broker.deleteNamespace(topology);
        }
    }

    /** One message on the contract, its state cached (the normal case: the partition stays here). */
    @Benchmark
    public Object warm() {
        return processor.process(nextCorrection());
    }

    /** One message on the contract after its partition moved here: the state is read from the database. */
    @Benchmark
    public Object afterRebalance() {
        states.forget(new ContractId(contract));
        return processor.process(nextCorrection());
    }

    /** The same entry with its hours changed, under a new id and a later time: applied as a correction. */
    private InboundMessage nextCorrection() {
        sequence++;
        TestMessages.Msg message = TestMessages.at(TestMessages.timeEntry("fix-" + sequence, contract, "TE-OPEN",
                LocalDate.of(2027, 6, 1), sequence % 2 == 0 ? "8" : "7.5", "APPROVED"),
                Instant.parse("2026-12-01T00:00:00Z").plusSeconds(sequence).toString());
        return read(message);
    }

    private InboundMessage read(TestMessages.Msg message) {
        return reader.read(message.body().getBytes(StandardCharsets.UTF_8));
    }
}
