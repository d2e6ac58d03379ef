package io.billwright.messaging.partition;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service instances alive on one database, each known by a heartbeat row in {@code service_instance}.
 * Only the spread of partitions depends on it; order and exclusivity come from the broker's single active
 * consumer, so a stale view costs balance for a few seconds, never correctness.
 */
public final class PartitionMembership {

    private final JdbcClient jdbc;
    private final String instanceId;
    private final Duration expiry;

    /**
     * @param instanceId this instance's name, unique among the live ones
     * @param expiry     a member whose last heartbeat is older than this has left
     */
    public PartitionMembership(JdbcClient jdbc, String instanceId, Duration expiry) {
        this.jdbc = jdbc;
        this.instanceId = instanceId;
        this.expiry = expiry;
    }

    public String instanceId() {
        return instanceId;
    }

    /**
     * Records this instance's heartbeat and answers the live members, this one included, sorted by id. Times
     * are the database's, so an instance whose own clock is off never expires the others.
     */
    public List<String> heartbeat() {
        Instant now = jdbc.sql("select current_timestamp").query((rs, row) -> rs.getTimestamp(1).toInstant())
                .single();
        Timestamp stamp = Timestamp.from(now);
        int updated = jdbc.sql("update service_instance set heartbeat_at = ? where instance_id = ?")
                .param(stamp).param(instanceId).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into service_instance (instance_id, started_at, heartbeat_at) values (?, ?, ?)")
                        .param(instanceId).param(stamp).param(stamp).update();
            } catch (DuplicateKeyException raced) {
                // cannot happen for a unique id; the next heartbeat updates the row
            }
        }
        Timestamp oldest = Timestamp.from(now.minus(expiry));
        jdbc.sql("delete from service_instance where heartbeat_at < ?").param(oldest).update();
        return jdbc.sql("select instance_id from service_instance order by instance_id").query(String.class).list();
    }

    /** Leaves at once, so the others take this instance's partitions without waiting for the expiry. */
    public void leave() {
        jdbc.sql("delete from service_instance where instance_id = ?").param(instanceId).update();
    }
}
