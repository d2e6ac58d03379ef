package io.billwright.simulations.input;

import io.billwright.engine.event.BillingEvent;
import io.billwright.events.Redelivery;
import io.billwright.events.RejectedMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One contract's lines judged as the service judges its messages: content by message id, the last content
 * applied by business item. The business item is the contract's, so everything but an id another contract
 * used first is the contract's own to remember; that one comes in as {@code crossPriors}.
 */
final class ContractSeen {

    private final List<Path> files;
    private final Map<String, Redelivery.Prior> contentById = new HashMap<>();
    private final Map<String, Redelivery.LastSeen> lastByItem = new HashMap<>();
    private final List<BillingEvent> events = new ArrayList<>();
    private final List<InputProblem> refused = new ArrayList<>();
    private long duplicates;
    private Instant first;
    private Instant last;
    private long order = Long.MAX_VALUE;

    ContractSeen(List<Path> files) {
        this.files = files;
    }

    /** @param crossPrior what another contract's earlier line under the same id left, or null */
    void judge(Arrival arrival, Redelivery.Prior crossPrior) {
        Redelivery.Sighting sighting = arrival.sighting();
        Redelivery.Prior prior = contentById.get(arrival.messageId());
        Redelivery.Verdict verdict;
        try {
            verdict = Redelivery.judge(sighting, prior != null ? prior : crossPrior,
                    lastByItem.get(arrival.businessKey()));
        } catch (RejectedMessage e) {
            refused.add(new InputProblem(files.get(arrival.file()), arrival.line(), e.reason() + " (field " + e.field()
                    + "): " + e.detail()));
            return;
        }
        if (verdict != Redelivery.Verdict.DUPLICATE_MESSAGE) {
            contentById.put(arrival.messageId(), new Redelivery.Prior(sighting.contentHash(), sighting.envelopeHash()));
        }
        if (verdict != Redelivery.Verdict.APPLY) {
            duplicates++;
            return;
        }
        lastByItem.put(arrival.businessKey(), new Redelivery.LastSeen(sighting.contentHash(), sighting.time()));
        events.add(arrival.event());
        widen(arrival.time());
        if (order == Long.MAX_VALUE) {
            order = ((long) arrival.file() << 40) | arrival.line();
        }
    }

    ContractEvents result(String contractId) {
        return new ContractEvents(contractId, events, duplicates, refused, first, last, order);
    }

    private void widen(Instant time) {
        if (time == null) {
            return;
        }
        if (first == null || time.isBefore(first)) {
            first = time;
        }
        if (last == null || time.isAfter(last)) {
            last = time;
        }
    }
}
