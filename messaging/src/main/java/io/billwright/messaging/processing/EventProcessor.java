package io.billwright.messaging.processing;

import io.billwright.engine.BillingEngine;
import io.billwright.engine.Outcome;
import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.ContractId;
import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.event.ExpenseRecorded;
import io.billwright.engine.event.TimeEntryRecorded;
import io.billwright.engine.state.ContractState;
import io.billwright.events.InboundMessage;
import io.billwright.events.Redelivery;
import io.billwright.messaging.outbox.OutboxHandOver;
import io.billwright.messaging.outbox.OutboxMessage;
import io.billwright.messaging.outbox.OutboxRepository;
import io.billwright.messaging.store.ContractStateRepository;
import io.billwright.messaging.store.ContractStateRepository.Snapshot;
import io.billwright.messaging.store.DecisionLog;
import io.billwright.messaging.store.Deduplication;
import io.billwright.messaging.store.EventLog;
import io.billwright.messaging.store.PackageRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one inbound message: takes the contract's row lock, checks both dedup records, applies the
 * engine, and in the same transaction stores the event, the dedup records, the new state, the decisions,
 * the packages and their outbox rows. Nothing is published here; the relay publishes after commit.
 */
public final class EventProcessor {

    private static final Logger log = LoggerFactory.getLogger(EventProcessor.class);

    private final Repositories store;
    private final Supplier<BillingEngine> engine;
    private final OutboundMessages outbound;
    private final TransactionTemplate transactions;
    private final OutboxHandOver afterCommit;
    private final Clock clock;

    /** The tables one message touches. */
    public record Repositories(ContractStateRepository states, Deduplication dedup, EventLog events,
                               DecisionLog decisions, PackageRegistry packages, OutboxRepository outbox) {
    }

    /**
     * @param engine      the engine in force (a supplier, so a rule-set swap takes effect between transactions)
     * @param afterCommit takes the outbox rows of each commit, to publish them at once
     */
    public EventProcessor(Repositories store, Supplier<BillingEngine> engine, OutboundMessages outbound,
                          TransactionTemplate transactions, OutboxHandOver afterCommit, Clock clock) {
        this.store = store;
        this.engine = engine;
        this.outbound = outbound;
        this.transactions = transactions;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    public ProcessingResult process(InboundMessage message) {
        return processAll(List.of(message)).get(0);
    }

    /**
     * Applies a batch of messages in one transaction: one lock statement, one commit, and the log and
     * dedup rows written in batches. Messages about one contract apply in the order given; the results
     * come back in that order too. If anything fails the whole batch rolls back, and the caller may
     * retry it or take its messages one at a time.
     */
    public List<ProcessingResult> processAll(List<InboundMessage> messages) {
        List<ContractId> contracts = messages.stream().map(InboundMessage::contractId).distinct().toList();
        contracts.forEach(store.states()::ensureRow);
        Map<String, Snapshot> saved = new HashMap<>();
        List<OutboxMessage> written = new ArrayList<>();
        List<ProcessingResult> results;
        try {
            results = transactions.execute(status -> applyAll(messages, contracts, saved, written));
        } catch (RuntimeException e) {
            contracts.forEach(store.states()::forget);
            throw e;
        }
        saved.values().forEach(store.states()::remember);
        afterCommit.handOver(written);
        return results;
    }

    /** What one transaction has read and will write. */
    private static final class Work {
        final Map<String, Snapshot> locked;
        final Map<String, ContractState> current = new HashMap<>();
        final Map<String, Redelivery.Prior> processed;
        final Map<String, Redelivery.LastSeen> keys;
        final Deduplication.Pending dedup = new Deduplication.Pending();
        final List<Object[]> events = new ArrayList<>();
        final List<Object[]> decisions = new ArrayList<>();
        final List<PackageRegistry.Candidate> packages = new ArrayList<>();
        final Map<String, OutboxMessage> packageMessages = new HashMap<>();
        final List<OutboxMessage> notices = new ArrayList<>();

        /**
         * @param processed message ids processed before, with their content and envelope hashes
         * @param keys      business keys applied before, keyed by contract and key
         */
        Work(Map<String, Snapshot> locked, Map<String, Redelivery.Prior> processed,
             Map<String, Redelivery.LastSeen> keys) {
            this.locked = locked;
            this.processed = new HashMap<>(processed);
            this.keys = new HashMap<>(keys);
        }
    }

    private List<ProcessingResult> applyAll(List<InboundMessage> messages, List<ContractId> contracts,
                                            Map<String, Snapshot> saved, List<OutboxMessage> written) {
        // every read the batch needs, in three statements, under the contracts' locks
        Map<String, Snapshot> locked = store.states().lockAll(contracts, itemKeys(messages));
        Work work = new Work(locked,
                store.dedup().processedContents(messages.stream().map(InboundMessage::messageId).distinct().toList()),
                store.dedup().lastSeen(messages.stream()
                        .map(m -> new String[] {m.contractId().value(), m.businessKey()}).toList()));
        // one rule-set version for the whole transaction: a reload swaps the engine between batches, never
        // inside one, so a batch in flight finishes on the version it started with
        BillingEngine rules = engine.get();
        List<ProcessingResult> results = new ArrayList<>(messages.size());
        Map<String, String> callersContext = MDC.getCopyOfContextMap();
        try {
            for (InboundMessage message : messages) {
                MDC.put("messageId", message.messageId());
                MDC.put("correlationId", message.correlationId());
                MDC.put("contractId", message.contractId().value());
                results.add(apply(message, work, rules));
            }
        } finally {
            if (callersContext == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(callersContext);
            }
        }
        store.states().saveAll(work.locked, work.current)
                .forEach(snapshot -> saved.put(snapshot.state().contractId().value(), snapshot));
        store.events().appendAll(work.events);
        store.dedup().flush(work.dedup);
        store.decisions().recordAll(work.decisions);
        Instant now = clock.instant();
        Set<String> issued = store.packages().registerAll(work.packages, now);
        List<OutboxMessage> outboxRows = new ArrayList<>();
        issued.forEach(id -> outboxRows.add(work.packageMessages.get(id)));
        outboxRows.addAll(work.notices);
        store.outbox().addAll(outboxRows, now, afterCommit.handOverLease(now));
        written.addAll(outboxRows);
        return withIssuedOnly(results, issued);
    }

    /**
     * The state keys of the items the messages are about, by contract: their records are read in even when
     * settled, since the engine looks each arriving item up by its key.
     */
    private static Map<String, Set<String>> itemKeys(List<InboundMessage> messages) {
        Map<String, Set<String>> keys = new HashMap<>();
        for (InboundMessage message : messages) {
            // a contract version may price billed items again (an amendment with a past effective date): all of them;
            // a manual decision names its item by key (a billed one is refused as billed, not as unknown)
            String key = message.event() instanceof TimeEntryRecorded e ? e.entry().stateKey()
                    : message.event() instanceof ExpenseRecorded e ? e.expense().stateKey()
                    : message.event() instanceof io.billwright.engine.event.ManualDecision m ? m.itemKey()
                    : message.event() instanceof io.billwright.engine.event.ContractReceived
                            ? ContractStateRepository.ALL_SETTLED : null;
            if (key != null) {
                keys.computeIfAbsent(message.contractId().value(), id -> new HashSet<>()).add(key);
            }
        }
        return keys;
    }

    /** The results with only the packages registered now: a package issued before is not issued again. */
    private static List<ProcessingResult> withIssuedOnly(List<ProcessingResult> results, Set<String> issued) {
        Set<String> unclaimed = new HashSet<>(issued);
        return results.stream().map(result -> {
            List<BillingPackage> packages = result.packages().stream()
                    .filter(pkg -> unclaimed.remove(pkg.id().value())).toList();
            return packages.size() == result.packages().size() ? result
                    : new ProcessingResult(result.outcome(), result.decisions(), packages);
        }).toList();
    }

    private ProcessingResult apply(InboundMessage message, Work work, BillingEngine rules) {
        String contractId = message.contractId().value();
        Instant now = clock.instant();
        String key = Redelivery.keyOf(contractId, message.businessKey());
        Redelivery.LastSeen last = work.keys.get(key);
        Redelivery.Verdict verdict = Redelivery.judge(message, work.processed.get(message.messageId()), last);
        switch (verdict) {
            case DUPLICATE_MESSAGE:
                return ProcessingResult.duplicate(ProcessingResult.DUPLICATE_MESSAGE);
            case DUPLICATE_CONTENT:
                recordMessage(message, ProcessingResult.DUPLICATE_CONTENT, now, work);
                return ProcessingResult.duplicate(ProcessingResult.DUPLICATE_CONTENT);
            case STALE:
                log.info("skipping stale {}: its time {} is before the {} already applied", message.businessKey(),
                        message.time(), last.time());
                recordMessage(message, ProcessingResult.STALE, now, work);
                return ProcessingResult.duplicate(ProcessingResult.STALE);
            default:
                break;
        }
        ContractState before = work.current.getOrDefault(contractId, work.locked.get(contractId).state());
        Outcome outcome = rules.apply(message.event(), before);
        work.current.put(contractId, outcome.state());
        Redelivery.Prior prior = new Redelivery.Prior(message.contentHash(), message.envelopeHash());
        work.events.add(EventLog.row(message, prior.envelopeHash(), now)); // also its dedup record
        work.processed.put(message.messageId(), prior);
        work.keys.put(key, new Redelivery.LastSeen(message.contentHash(), message.time()));
        DecisionLog.rows(message.messageId(), contractId, outcome.decisions(), now, work.decisions);
        for (BillingPackage pkg : outcome.packages()) {
            // registered with the rest of the batch; the first message to produce an id issues it
            work.packages.add(new PackageRegistry.Candidate(pkg, message.messageId()));
            work.packageMessages.putIfAbsent(pkg.id().value(),
                    outbound.forPackage(pkg, contractOf(pkg, outcome.state()), message.correlationId()));
        }
        for (Decision decision : outcome.decisions()) {
            if (decision.status() == DecisionStatus.HELD || decision.status() == DecisionStatus.REJECTED) {
                work.notices.add(outbound.forException(decision, message));
            }
        }
        return new ProcessingResult(ProcessingResult.APPLIED, outcome.decisions(), outcome.packages());
    }

    /** A message received and skipped: its dedup record, without an event log row. */
    private void recordMessage(InboundMessage message, String outcome, Instant now, Work work) {
        Redelivery.Prior prior = new Redelivery.Prior(message.contentHash(), message.envelopeHash());
        work.dedup.skipped(message.messageId(), message.contractId().value(), prior.contentHash(),
                prior.envelopeHash(), outcome, now);
        work.processed.put(message.messageId(), prior);
    }

    private static Contract contractOf(BillingPackage pkg, ContractState state) {
        Contract contract = state.versions().get(pkg.contractVersion());
        if (contract == null) {
            throw new IllegalStateException("package " + pkg.id().value() + " names contract version "
                    + pkg.contractVersion() + ", which the state does not hold");
        }
        return contract;
    }
}
