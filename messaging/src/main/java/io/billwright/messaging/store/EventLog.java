package io.billwright.messaging.store;

import io.billwright.messaging.inbound.InboundMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every applied inbound message as received: the audit trail, and what simulations replay. */
public final class EventLog {

    private final JdbcClient jdbc;

    public EventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(InboundMessage message, Instant receivedAt) {
        jdbc.sql("insert into event_log (message_id, contract_id, event_type, business_key, correlation_id, "
                        + "received_at, body) values (?, ?, ?, ?, ?, ?, ?)")
                .param(message.messageId()).param(message.contractId().value()).param(message.type().type())
                .param(message.businessKey()).param(message.correlationId()).param(Timestamp.from(receivedAt))
                .param(message.body()).update();
    }

    /** The bodies received in {@code [from, to)}, in the order they were applied (for replay and export). */
    public List<String> bodies(Instant from, Instant to) {
        return jdbc.sql("select body from event_log where received_at >= ? and received_at < ? order by seq")
                .param(Timestamp.from(from)).param(Timestamp.from(to)).query(String.class).list();
    }
}
