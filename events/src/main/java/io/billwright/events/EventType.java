package io.billwright.events;

import io.billwright.events.Stream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The inbound CloudEvents types. Each names its stream (the per-type queue of releases before the partitions,
 * ADR 0009: only drained now), and the JSON Schema its {@code data} must satisfy
 * ({@code schemas/inbound/<schema>.schema.json} on the class path).
 */
public enum EventType {
    CONTRACT_RECEIVED("io.billwright.contract.received.v1", Stream.CONTRACTS, "contract-received"),
    CONTRACT_COMPLETED("io.billwright.contract.completed.v1", Stream.CONTRACTS, "contract-completed"),
    TIME_ENTRY_RECORDED("io.billwright.timeentry.recorded.v1", Stream.TIME_ENTRIES, "time-entry-recorded"),
    EXPENSE_RECORDED("io.billwright.expense.recorded.v1", Stream.EXPENSES, "expense-recorded"),
    MILESTONE_COMPLETED("io.billwright.milestone.completed.v1", Stream.MILESTONES, "milestone-completed"),
    MILESTONE_ACCEPTED("io.billwright.milestone.accepted.v1", Stream.MILESTONES, "milestone-accepted"),
    PERIOD_CLOSED("io.billwright.period.closed.v1", Stream.PERIODS, "period-closed"),
    /**
     * Finance released a held item or wrote it off, with a second person's approval. Listed with the contracts: it
     * is a decision about the contract, and it came after the per-type queues (streams are only drained now), so
     * it never had a queue of its own; like every type it reaches its contract's partition by the
     * {@code partitionkey} header.
     */
    ITEM_MANUALLY_DECIDED("io.billwright.item.manually-decided.v1", Stream.CONTRACTS, "item-manually-decided");

    public static final String TYPE_PREFIX = "io.billwright.";

    private final String type;
    private final Stream stream;
    private final String schema;

    EventType(String type, Stream stream, String schema) {
        this.type = type;
        this.stream = stream;
        this.schema = schema;
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return type;
    }

    public Stream stream() {
        return stream;
    }

    /** The schema's name: {@code schemas/inbound/<name>.schema.json}. */
    public String schema() {
        return schema;
    }

    /** The routing key to publish with: the type less {@code io.billwright.} ({@code timeentry.recorded.v1}). */
    public String routingKey() {
        return type.substring(TYPE_PREFIX.length());
    }

    /** Looked up for every message read, so by a map rather than a stream over {@code values()}. */
    private static final Map<String, EventType> BY_TYPE = new HashMap<>();

    static {
        for (EventType t : values()) {
            BY_TYPE.put(t.type, t);
        }
    }

    public static Optional<EventType> of(String type) {
        return type == null ? Optional.empty() : Optional.ofNullable(BY_TYPE.get(type));
    }
}
