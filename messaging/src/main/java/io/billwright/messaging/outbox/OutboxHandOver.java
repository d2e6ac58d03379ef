package io.billwright.messaging.outbox;

import java.time.Instant;
import java.util.List;

/**
 * Where a transaction hands the outbox rows it committed, to be published at once: they are inserted
 * claimed until {@link #handOverLease}, so the relay's poll leaves them alone unless the process dies
 * before publishing them.
 */
public interface OutboxHandOver {

    /** Until when rows written at {@code now} are kept from the poll. */
    Instant handOverLease(Instant now);

    /** Called after the commit, with the rows it wrote. */
    void handOver(List<OutboxMessage> messages);
}
