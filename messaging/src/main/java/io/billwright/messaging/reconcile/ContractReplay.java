package io.billwright.messaging.reconcile;

import io.billwright.engine.BillingEngine;
import io.billwright.engine.Outcome;
import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.ContractId;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.state.ItemRecord;
import io.billwright.events.InboundMessage;
import io.billwright.events.MessageReader;
import io.billwright.events.RejectedMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays one contract's event log through the engine, message by message in the order the service applied
 * them, each with the rule set that decided it: the service's one decision path ({@link BillingEngine#apply}),
 * on the contract's whole state. The log holds only applied messages (duplicates and stale corrections were
 * never logged), so every row is applied.
 */
final class ContractReplay {

    private final MessageReader reader;
    private final ReplayRuleSets ruleSets;
    private final RuleSetTimeline timeline;
    private final Map<RuleSet, BillingEngine> engines = new HashMap<>();

    ContractReplay(MessageReader reader, ReplayRuleSets ruleSets, RuleSetTimeline timeline) {
        this.reader = reader;
        this.ruleSets = ruleSets;
        this.timeline = timeline;
    }

    /**
     * @param events   the contract's event log, in order
     * @param recorded the rule set that decided each message, by message id, as its decisions or packages
     *                 recorded it; a message missing here takes the version in force when it was received
     */
    ReplayedContract run(String contractId, List<LoggedEvent> events, Map<String, String> recorded) {
        ContractState state = ContractState.empty(new ContractId(contractId));
        Map<String, List<ItemStep>> histories = new HashMap<>();
        Map<String, PackageFigures> packages = new LinkedHashMap<>();
        Map<String, String> usedBy = new HashMap<>();
        Map<String, ReleaseGap> gaps = new LinkedHashMap<>();
        String failure = null;
        int replayed = 0;
        for (LoggedEvent event : events) {
            String wanted = recorded.get(event.messageId());
            ReplayRuleSets.Choice choice = ruleSets.forVersion(wanted != null ? wanted
                    : timeline.inForceAt(event.receivedAt()));
            if (wanted != null && choice.gap() != null) {
                // only for what a message's own decisions recorded: a message that decided nothing did not
                // depend on its rule set
                gaps.merge(wanted, new ReleaseGap(wanted, choice.used(), choice.gap(), 1),
                        (a, b) -> new ReleaseGap(a.wanted(), a.used(), a.why(), a.messages() + 1));
            }
            Outcome outcome;
            try {
                InboundMessage message = reader.read(event.body().getBytes(StandardCharsets.UTF_8));
                if (!message.contractId().value().equals(contractId)) {
                    failure = step(event) + " is logged for contract " + contractId + " but is about "
                            + message.contractId().value();
                    break;
                }
                outcome = engine(choice.ruleSet()).apply(message.event(), state);
            } catch (RejectedMessage e) {
                failure = step(event) + " in the event log cannot be read any more (" + e.reason() + " "
                        + e.field() + ": " + e.detail() + "): the replay stops there";
                break;
            } catch (RuntimeException e) {
                failure = "the engine failed on " + step(event) + " with " + choice.used() + ": " + e
                        + "; the replay stops there";
                break;
            }
            ContractState next = outcome.state();
            String currency = currencyOf(next);
            for (String key : next.changedItems()) {
                ItemRecord record = next.items().get(key);
                histories.computeIfAbsent(key, k -> new ArrayList<>()).add(new ItemStep(
                        record == null ? null : ItemView.of(record, currency), event.seq(), event.messageId(),
                        event.eventType()));
            }
            for (BillingPackage pkg : outcome.packages()) {
                packages.putIfAbsent(pkg.id().value(), PackageFigures.of(pkg, event.messageId()));
            }
            usedBy.put(event.messageId(), choice.used());
            // as the service keeps it: no message ids in the state (the event log deduplicates), nothing pending
            state = next.settled().withoutProcessedEvents();
            replayed++;
        }
        String currency = currencyOf(state);
        Map<String, ItemView> items = new HashMap<>();
        for (ItemRecord record : state.items().values()) {
            items.put(record.key(), ItemView.of(record, currency));
        }
        return new ReplayedContract(contractId, replayed, items, histories, Positions.of(state), currency,
                state.hasContract() || !state.items().isEmpty(), new ArrayList<>(packages.values()), usedBy,
                new ArrayList<>(gaps.values()), failure);
    }

    private BillingEngine engine(RuleSet ruleSet) {
        return engines.computeIfAbsent(ruleSet, BillingEngine::using);
    }

    static String currencyOf(ContractState state) {
        return state.latestContract().map(Contract::currency).map(java.util.Currency::getCurrencyCode).orElse(null);
    }

    private static String step(LoggedEvent event) {
        return "message " + event.messageId() + " (seq " + event.seq() + ")";
    }
}
