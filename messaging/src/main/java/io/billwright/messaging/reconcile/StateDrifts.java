package io.billwright.messaging.reconcile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a contract's stored state with its replay: item by item (status, reason, amounts, package), then the
 * running totals. A stored item that equals the item as an earlier message left it is behind the event log; one
 * that equals it at no point was changed by something other than the engine, or by another rule set.
 */
final class StateDrifts {

    private StateDrifts() {
    }

    static List<Drift> of(ContractEvidence evidence) {
        String contract = evidence.contractId();
        StoredContract stored = evidence.stored();
        ReplayedContract replay = evidence.replay();
        List<Drift> drifts = new ArrayList<>();
        if (stored.unreadable() != null) {
            drifts.add(new Drift(contract, DriftKind.STATE_UNREADABLE, contract, "unreadable", "", stored.unreadable(),
                    "contract " + contract + ": the stored state cannot be read: " + stored.unreadable()));
            return drifts;
        }
        if (!stored.exists()) {
            if (replay.hasState()) {
                String cause = "the state row was lost or deleted; the service would start this contract afresh on"
                        + " its next message";
                drifts.add(new Drift(contract, DriftKind.STATE_MISSING, contract, "",
                        replay.items().size() + " item(s)", cause, "contract " + contract + ": the event log holds "
                        + replay.events() + " message(s) about it, and the database keeps no state for it (the replay"
                        + " has " + replay.items().size() + " item(s)): " + cause));
            }
            return drifts;
        }
        if (replay.events() == 0) {
            String cause = "its messages are missing from the event log, or the state was written outside the service";
            drifts.add(new Drift(contract, DriftKind.EVENTS_MISSING, contract, stored.items().size() + " item(s)", "",
                    cause, "contract " + contract + ": the database keeps a state for it (" + stored.items().size()
                    + " item(s)), and the event log has no message about it: " + cause));
            return drifts;
        }
        for (String key : new TreeSet<>(union(stored.items(), replay.items()))) {
            Drift drift = item(contract, stored.items().get(key), replay.items().get(key),
                    replay.histories().getOrDefault(key, List.of()));
            if (drift != null) {
                drifts.add(drift);
            }
        }
        positions(contract, stored.positions(), replay.positions(), replay.currency(), drifts);
        return drifts;
    }

    private static Drift item(String contract, ItemView stored, ItemView replayed, List<ItemStep> history) {
        if (stored != null && stored.sameAs(replayed)) {
            return null;
        }
        String subject = (stored != null ? stored : replayed).itemId();
        String what = "item " + subject + " of " + contract + ": ";
        if (stored == null) {
            String cause = "the stored state is behind the event log: it misses the item"
                    + (history.isEmpty() ? "" : " that " + history.get(0).message() + " recorded");
            return new Drift(contract, DriftKind.ITEM_NOT_STORED, subject, "", replayed.describe(), cause,
                    what + "not in the stored state, replay " + replayed.describe() + ": " + cause);
        }
        if (replayed == null) {
            ItemStep last = history.isEmpty() ? null : history.get(history.size() - 1);
            String cause = last != null && last.item() == null
                    ? "the stored state is behind the event log: " + last.message() + " removed the item"
                    : "no message in the event log records it: it was written outside the engine, or the message"
                    + " that recorded it is missing from the event log";
            return new Drift(contract, DriftKind.ITEM_NOT_REPLAYED, subject, stored.describe(), "", cause,
                    what + "stored " + stored.describe() + ", not in the replay: " + cause);
        }
        String cause = cause(stored, history);
        return new Drift(contract, DriftKind.ITEM_DIFFERS, subject, stored.describe(), replayed.describe(), cause,
                what + "stored " + stored.describe() + ", replay " + replayed.describe() + ": " + cause);
    }

    /** Behind the event log when the stored item is the item as an earlier message left it. */
    private static String cause(ItemView stored, List<ItemStep> history) {
        for (int i = history.size() - 2; i >= 0; i--) {
            if (stored.sameAs(history.get(i).item())) {
                return "the stored state is behind the event log: it shows the item as " + history.get(i).message()
                        + " left it, and misses " + history.get(i + 1).message() + " and what came after";
            }
        }
        return "the stored item matches the replay at no point: it was changed outside the engine (by hand or by"
                + " another program), or decided by a rule set other than the replay's";
    }

    private static void positions(String contract, Positions stored, Positions replayed, String currency,
                                  List<Drift> drifts) {
        if (stored == null) {
            return;
        }
        amount(contract, "the not-to-exceed cap consumed", stored.capConsumed(), replayed.capConsumed(), currency,
                drifts);
        amount(contract, "the retention withheld", stored.retentionWithheld(), replayed.retentionWithheld(), currency,
                drifts);
        if (stored.completed() != replayed.completed()) {
            String storedText = stored.completed() ? "completed" : "not completed";
            String replayText = replayed.completed() ? "completed" : "not completed";
            drifts.add(position(contract, "completion", storedText, replayText));
        }
    }

    private static void amount(String contract, String name, BigDecimal stored, BigDecimal replayed, String currency,
                               List<Drift> drifts) {
        if (!Amounts.same(stored, replayed)) {
            drifts.add(position(contract, name, Amounts.of(stored, currency), Amounts.of(replayed, currency)));
        }
    }

    private static Drift position(String contract, String name, String stored, String replayed) {
        String cause = "the stored state's running total does not follow from the event log: the state was changed"
                + " outside the engine, or it is behind the event log (see the items)";
        return new Drift(contract, DriftKind.POSITION_DIFFERS, contract, stored, replayed, cause,
                "contract " + contract + ": " + name + " is stored as " + stored + ", replay " + replayed + ": "
                + cause);
    }

    private static Set<String> union(Map<String, ItemView> a, Map<String, ItemView> b) {
        Set<String> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
