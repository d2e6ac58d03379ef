package io.billwright.messaging.acknowledgement;

import io.billwright.messaging.observability.ServiceMetrics;
import io.billwright.messaging.parking.DeadLetterPublisher;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.amqp.rabbit.support.MessagePropertiesConverter;

/**
 * The acknowledgements queue's listener. It returns (and the container acks) only once the acknowledgement
 * is recorded, found a duplicate, or parked with a confirm; a database failure throws, and the message goes
 * back to the queue to be tried again.
 */
public final class AcknowledgementListener implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgementListener.class);
    private static final MessagePropertiesConverter PROPERTIES = new DefaultMessagePropertiesConverter();

    /** A message that failed this often (the database down for long) is parked rather than tried again. */
    static final int MAX_DELIVERIES = 20;

    private final AcknowledgementReader reader;
    private final AcknowledgementStore store;
    private final DeadLetterPublisher deadLetters;
    private final ServiceMetrics metrics;
    private final Clock clock;

    public AcknowledgementListener(AcknowledgementReader reader, AcknowledgementStore store,
                                   DeadLetterPublisher deadLetters, ServiceMetrics metrics, Clock clock) {
        this.reader = reader;
        this.store = store;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void onMessage(Message message) {
        String messageId = message.getMessageProperties().getMessageId();
        try {
            ErpAcknowledgement ack = reader.read(message.getBody());
            AcknowledgementStore.Result result = store.record(ack, clock.instant());
            if (result == AcknowledgementStore.Result.RECORDED) {
                metrics.acknowledged(ack.outcome().name());
                if (ack.outcome() == ErpAcknowledgement.Outcome.REJECTED) {
                    log.warn("the ERP rejected package {}: {}", ack.packageId(), AcknowledgementStore.reasonText(ack));
                }
            }
        } catch (BadAcknowledgement bad) {
            log.warn("parking acknowledgement {}: {} at '{}': {}", messageId, bad.reason(), bad.field(), bad.getMessage());
            String queue = message.getMessageProperties().getConsumerQueue();
            deadLetters.park(new DeadLetterPublisher.Parcel(message.getBody(),
                    PROPERTIES.fromMessageProperties(message.getMessageProperties(), "UTF-8"), queue, messageId,
                    bad.reason(), bad.field(), bad.getMessage(), 1));
            metrics.parked(bad.reason());
        } catch (RuntimeException failed) {
            Object count = message.getMessageProperties().getHeaders().get("x-delivery-count");
            long deliveries = count instanceof Number n ? n.longValue() : 0;
            if (deliveries < MAX_DELIVERIES) {
                log.warn("acknowledgement {} not recorded ({}); it goes back to the queue", messageId, failed.toString());
                pause();
                throw failed;
            }
            log.error("acknowledgement {} failed {} times; parking", messageId, deliveries, failed);
            deadLetters.park(new DeadLetterPublisher.Parcel(message.getBody(),
                    PROPERTIES.fromMessageProperties(message.getMessageProperties(), "UTF-8"),
                    message.getMessageProperties().getConsumerQueue(), messageId, "PROCESSING_FAILED", "",
                    failed.toString(), (int) deliveries));
            metrics.parked("PROCESSING_FAILED");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
