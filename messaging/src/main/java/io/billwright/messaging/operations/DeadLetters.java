package io.billwright.messaging.operations;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.billwright.messaging.parking.DeadLetterPublisher;
import io.billwright.messaging.publish.ConfirmedPublisher;
import io.billwright.messaging.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The dead-letter queue, browsed and replayed. A browse takes the messages without acknowledging them and
 * closes its channel, which gives every one back to the queue. A replay publishes the chosen ones, with a
 * confirm, back to the queue they came from (so they go through validation and deduplication like any
 * message) and only then acknowledges them off the dead-letter queue: a failed replay loses nothing. A
 * replayed message that fails again is parked again by the path that failed it, with its new reason; it is
 * never sent round again by itself.
 *
 * <p>A browse holds the messages it has taken until it closes, so browses of one instance (the page's list,
 * a replay, the depth gauge) take turns; two instances browsing at once may each see part of the queue.
 */
public final class DeadLetters {

    /** Set on a replayed message: who replayed it, when, and how many times it has been replayed. */
    public static final String REPLAYED_BY = "x-billwright-replayed-by";
    public static final String REPLAYED_AT = "x-billwright-replayed-at";
    public static final String REPLAYS = "x-billwright-replays";

    /** What a replay did with each message id asked for. */
    public record ReplayResult(List<String> replayed, List<String> notFound, Map<String, String> refused) {
    }

    private final ConnectionFactory factory;
    private final ConfirmedPublisher publisher;
    private final Topology topology;
    private final Clock clock;
    private final Duration confirmTimeout;

    public DeadLetters(ConnectionFactory factory, ConfirmedPublisher publisher, Topology topology, Clock clock,
                       Duration confirmTimeout) {
        this.factory = factory;
        this.publisher = publisher;
        this.topology = topology;
        this.clock = clock;
        this.confirmTimeout = confirmTimeout;
    }

    /** How many messages are parked now (the queue's own count). */
    public long depth() {
        try (Connection connection = factory.newConnection("billwright-dead-letters");
             Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(topology.deadLetterQueue()).getMessageCount();
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot read the dead-letter queue: " + e.getMessage(), e);
        }
    }

    /** The first {@code limit} parked messages, in queue order; every one stays parked. */
    public synchronized List<ParkedMessage> list(int limit) {
        List<ParkedMessage> out = new ArrayList<>();
        browse(limit, (response, channel) -> out.add(describe(response)));
        return out;
    }

    /**
     * Replays the parked messages with these ids (every copy of one id) to the queues they came from.
     *
     * @param limit how far into the queue to look for them
     */
    public synchronized ReplayResult replay(Collection<String> messageIds, String actor, int limit,
                                            java.util.function.Consumer<String> replayedOne) {
        Set<String> wanted = new HashSet<>(messageIds);
        List<String> replayed = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        java.time.Instant started = clock.instant();
        // only the messages parked when the replay began: one that fails again is parked behind them, and is
        // not sent round a second time by the same replay
        long parkedNow = depth();
        browse((int) Math.min(limit, parkedNow), (response, channel) -> {
            ParkedMessage parked = describe(response);
            Object replayedAt = response.getProps().getHeaders() == null ? null
                    : response.getProps().getHeaders().get(REPLAYED_AT);
            if (!wanted.contains(parked.messageId())
                    || replayedSince(replayedAt, started)) {
                return;
            }
            String refusal = refusal(parked);
            if (refusal != null) {
                refused.put(parked.messageId(), refusal);
                return;
            }
            republish(response, parked, actor);
            channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
            replayed.add(parked.messageId());
            replayedOne.accept(parked.messageId());
        });
        List<String> notFound = messageIds.stream().distinct()
                .filter(id -> !replayed.contains(id) && !refused.containsKey(id)).toList();
        return new ReplayResult(replayed.stream().distinct().toList(), notFound, refused);
    }

    /** Whether the message was replayed at or after {@code started}: parked again by the replay under way. */
    private static boolean replayedSince(Object replayedAt, java.time.Instant started) {
        if (replayedAt == null) {
            return false;
        }
        try {
            return !java.time.Instant.parse(replayedAt.toString()).isBefore(started);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** Why a parked message cannot go back, or null: it must name one of the service's own queues. */
    private String refusal(ParkedMessage parked) {
        if (parked.originalQueue().isEmpty()) {
            return "the message does not say which queue it came from";
        }
        if (!topology.allQueues().contains(parked.originalQueue())
                || parked.originalQueue().equals(topology.deadLetterQueue())) {
            return "it came from '" + parked.originalQueue() + "', not a queue of namespace '" + topology.namespace() + "'";
        }
        return null;
    }

    private void republish(GetResponse response, ParkedMessage parked, String actor) throws IOException {
        AMQP.BasicProperties original = response.getProps();
        Map<String, Object> headers = new LinkedHashMap<>();
        if (original.getHeaders() != null) {
            original.getHeaders().forEach((name, value) -> {
                // the parking's own headers and the broker's bookkeeping stay behind: a message that fails again
                // is parked afresh, with its new reason
                if (!name.startsWith("x-billwright-") && !name.startsWith("x-death") && !name.startsWith("x-first-death")
                        && !name.startsWith("x-last-death") && !name.equals("x-delivery-count")) {
                    headers.put(name, value);
                }
            });
        }
        headers.put(REPLAYED_BY, actor);
        headers.put(REPLAYED_AT, clock.instant().toString());
        headers.put(REPLAYS, parked.replays() + 1);
        AMQP.BasicProperties properties = original.builder().headers(headers).deliveryMode(2).build();
        // a partition's message goes back through the inbound exchange with its partition key, so it lands in
        // the partition its contract hashes to now (the partition count may have changed since it was parked);
        // any other (a connector's queue, or a message without its key) straight back to the queue it left
        boolean partitioned = topology.inboundQueues().contains(parked.originalQueue()) && !parked.contractId().isEmpty();
        String exchange = partitioned ? topology.inboundExchange() : "";
        String routingKey = partitioned ? routingKeyOf(parked.type()) : parked.originalQueue();
        ConfirmedPublisher.Confirmation confirmation = publisher.publishAndWait(exchange, routingKey, properties,
                response.getBody(), confirmTimeout);
        if (!confirmation.confirmed()) {
            throw new IOException("the broker did not take the replay of " + parked.messageId() + ": "
                    + confirmation.failure());
        }
    }

    /** The inbound routing key of a type: the type less {@code io.billwright.} (every key reaches the partitions). */
    static String routingKeyOf(String type) {
        return type == null || type.isEmpty() ? "replayed" : type.replaceFirst("^io\\.billwright\\.", "");
    }

    @FunctionalInterface
    private interface Visitor {
        void visit(GetResponse response, Channel channel) throws IOException;
    }

    /** Takes up to {@code limit} messages unacknowledged; closing the channel returns those not acked. */
    private void browse(int limit, Visitor visitor) {
        try (Connection connection = factory.newConnection("billwright-dead-letters");
             Channel channel = connection.createChannel()) {
            for (int i = 0; i < limit; i++) {
                GetResponse response = channel.basicGet(topology.deadLetterQueue(), false);
                if (response == null) {
                    break;
                }
                visitor.visit(response, channel);
            }
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot read the dead-letter queue: " + e.getMessage(), e);
        }
    }

    static ParkedMessage describe(GetResponse response) {
        AMQP.BasicProperties properties = response.getProps();
        Map<String, Object> headers = properties.getHeaders() == null ? Map.of() : properties.getHeaders();
        String reason = header(headers, DeadLetterPublisher.REASON);
        String originalQueue = header(headers, DeadLetterPublisher.ORIGINAL_QUEUE);
        String detail = header(headers, DeadLetterPublisher.DETAIL);
        String parkedAt = header(headers, DeadLetterPublisher.PARKED_AT);
        if (reason.isEmpty() && headers.get("x-death") instanceof List<?> deaths && !deaths.isEmpty()
                && deaths.get(0) instanceof Map<?, ?> death) {
            // a connector rejected it from its queue, and the broker dead-lettered it
            reason = "REJECTED_BY_CONSUMER";
            originalQueue = String.valueOf(death.get("queue"));
            detail = "dead-lettered by the broker from " + originalQueue + " (" + death.get("reason") + ")";
            parkedAt = death.get("time") instanceof java.util.Date date ? date.toInstant().toString() : "";
        }
        String messageId = properties.getMessageId() != null ? properties.getMessageId()
                : header(headers, DeadLetterPublisher.MESSAGE_ID);
        byte[] body = response.getBody();
        String text = new String(body, 0, Math.min(body.length, 2000), StandardCharsets.UTF_8);
        Object replays = headers.get(REPLAYS);
        return new ParkedMessage(messageId, properties.getType() == null ? "" : properties.getType(), reason,
                header(headers, DeadLetterPublisher.FIELD), detail, originalQueue, parkedAt,
                header(headers, "partitionkey"), replays instanceof Number n ? n.intValue() : 0, body.length, text);
    }

    private static String header(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        return value == null ? "" : value.toString();
    }
}
