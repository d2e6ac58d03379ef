package io.billwright.messaging.processing;

import io.billwright.engine.BillingEngine;
import io.billwright.engine.Outcome;
import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.state.ContractState;
import io.billwright.messaging.inbound.InboundMessage;
import io.billwright.messaging.inbound.ParkReason;
import io.billwright.messaging.inbound.RejectedMessage;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final Runnable afterCommit;
    private final Clock clock;

    /** The tables one message touches. */
    public record Repositories(ContractStateRepository states, Deduplication dedup, EventLog events,
                               DecisionLog decisions, PackageRegistry packages, OutboxRepository outbox) {
    }

    /**
     * @param engine      the engine in force (a supplier, so a rule-set swap takes effect between messages)
     * @param afterCommit runs after a commit that wrote outbox rows (wakes the relay)
     */
    public EventProcessor(Repositories store, Supplier<BillingEngine> engine, OutboundMessages outbound,
                          TransactionTemplate transactions, Runnable afterCommit, Clock clock) {
        this.store = store;
        this.engine = engine;
        this.outbound = outbound;
        this.transactions = transactions;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    public ProcessingResult process(InboundMessage message) {
        store.states().ensureRow(message.contractId());
        AtomicReference<Snapshot> saved = new AtomicReference<>();
        ProcessingResult result;
        try {
            result = transactions.execute(status -> apply(message, saved));
        } catch (RuntimeException e) {
            store.states().forget(message.contractId());
            throw e;
        }
        if (saved.get() != null) {
            store.states().remember(saved.get());
        }
        if (result != null && ProcessingResult.APPLIED.equals(result.outcome())) {
            afterCommit.run();
        }
        return result;
    }

    private ProcessingResult apply(InboundMessage message, AtomicReference<Snapshot> saved) {
        String contractId = message.contractId().value();
        Snapshot before = store.states().lock(message.contractId());
        Instant now = clock.instant();
        if (alreadyProcessed(message)) {
            return ProcessingResult.duplicate(ProcessingResult.DUPLICATE_MESSAGE);
        }
        Optional<Deduplication.LastSeen> last = store.dedup().lastSeen(contractId, message.businessKey());
        if (last.isPresent() && last.get().contentHash().equals(message.contentHash())) {
            store.dedup().recordMessage(message.messageId(), contractId, message.contentHash(),
                    ProcessingResult.DUPLICATE_CONTENT, now);
            return ProcessingResult.duplicate(ProcessingResult.DUPLICATE_CONTENT);
        }
        if (last.isPresent() && isOlder(message.time(), last.get().time())) {
            // a redelivered or late update overtaken by a newer one for the same item: applying it would
            // undo the newer (an approval withdrawn, a rejection reverted)
            log.info("skipping stale {}: its time {} is before the {} already applied", message.businessKey(),
                    message.time(), last.get().time());
            store.dedup().recordMessage(message.messageId(), contractId, message.contentHash(),
                    ProcessingResult.STALE, now);
            return ProcessingResult.duplicate(ProcessingResult.STALE);
        }
        Outcome outcome = engine.get().apply(message.event(), before.state());
        saved.set(store.states().save(before, outcome.state()));
        store.events().append(message, now);
        store.dedup().recordMessage(message.messageId(), contractId, message.contentHash(), ProcessingResult.APPLIED,
                now);
        store.dedup().recordContent(contractId, message.businessKey(), message.contentHash(), message.messageId(),
                message.time(), last.isPresent());
        store.decisions().record(message.messageId(), contractId, outcome.decisions(), now);
        List<BillingPackage> issued = new ArrayList<>();
        for (BillingPackage pkg : outcome.packages()) {
            if (store.packages().register(pkg, message.messageId(), now)) {
                store.outbox().add(outbound.forPackage(pkg, contractOf(pkg, outcome.state()), message.correlationId()),
                        now);
                issued.add(pkg);
            }
        }
        for (Decision decision : outcome.decisions()) {
            if (decision.status() == DecisionStatus.HELD || decision.status() == DecisionStatus.REJECTED) {
                store.outbox().add(outbound.forException(decision, message), now);
            }
        }
        return new ProcessingResult(ProcessingResult.APPLIED, outcome.decisions(), issued);
    }

    /**
     * Whether this message id was processed before. The same id with different content is not a
     * redelivery but a second message under a reused id: refused, never silently dropped.
     */
    private boolean alreadyProcessed(InboundMessage message) {
        Optional<String> content = store.dedup().processedContent(message.messageId());
        if (content.isPresent() && !content.get().equals(message.contentHash())) {
            throw new RejectedMessage(ParkReason.ID_REUSED, "id", "message id '" + message.messageId()
                    + "' was processed before with different content; CloudEvents ids must be unique across sources");
        }
        return content.isPresent();
    }

    private static boolean isOlder(Instant time, Instant applied) {
        return time != null && applied != null && time.isBefore(applied);
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
