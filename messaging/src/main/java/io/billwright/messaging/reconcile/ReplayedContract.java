package io.billwright.messaging.reconcile;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One contract's event log replayed through the engine.
 *
 * @param events     the messages replayed
 * @param items      every item of the final state, by key
 * @param histories  each item as every message that changed it left it, in order, by key
 * @param positions  the final state's running totals
 * @param currency   the contract's currency (of its latest version), or null when none was received
 * @param hasState   the replay received a contract or an item: there is a state to keep
 * @param packages   the packages issued, each once (the first message to issue an id issues it), in order
 * @param usedBy     the rule set each message was replayed with, by message id
 * @param gaps       the rule sets that decided messages and that the replay could not use
 * @param failure    why the replay stopped before the end of the log, or null when it went through
 */
record ReplayedContract(String contractId, int events, Map<String, ItemView> items,
                        Map<String, List<ItemStep>> histories, Positions positions, String currency,
                        boolean hasState,
                        List<PackageFigures> packages, Map<String, String> usedBy, List<ReleaseGap> gaps,
                        String failure) {

    ReplayedContract {
        Objects.requireNonNull(contractId, "contractId");
        items = Map.copyOf(items);
        histories = Map.copyOf(histories);
        Objects.requireNonNull(positions, "positions");
        packages = List.copyOf(packages);
        usedBy = Map.copyOf(usedBy);
        gaps = List.copyOf(gaps);
    }

    /** The rule set the replay used for {@code messageId}, or null when it did not replay it. */
    String usedFor(String messageId) {
        return messageId == null ? null : usedBy.get(messageId);
    }
}
