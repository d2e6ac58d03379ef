package io.billwright.messaging.operations;

import io.billwright.messaging.acknowledgement.AcknowledgementListener;
import io.billwright.messaging.acknowledgement.AcknowledgementReader;
import io.billwright.messaging.acknowledgement.AcknowledgementStore;
import io.billwright.messaging.observability.ServiceMetrics;
import io.billwright.messaging.outbox.OutboxRepository;
import io.billwright.messaging.parking.DeadLetterPublisher;
import io.billwright.messaging.publish.ConfirmedPublisher;
import io.billwright.messaging.rulesets.JdbcRuleSetAudit;
import io.billwright.messaging.service.BillwrightProperties;
import io.billwright.messaging.topology.Topology;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import com.rabbitmq.client.Address;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires finance operations: acknowledgements, the workbench, parked messages, the business gauges. */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    @Bean
    OperationsSettings operationsSettings(BillwrightProperties properties) {
        BillwrightProperties.Operations operations = properties.operations();
        return new OperationsSettings(operations.unacknowledgedAfter(), operations.gaugeRefresh(),
                operations.deadLetterBrowseLimit(), operations.deadLetterReasonsEvery());
    }

    @Bean
    OpsAudit opsAudit(JdbcClient jdbc, Clock clock) {
        return new OpsAudit(jdbc, clock);
    }

    @Bean
    OpenExceptions openExceptions(JdbcClient jdbc) {
        return new OpenExceptions(jdbc);
    }

    /**
     * A publisher of its own for replays and approvals, each confirmed before it returns; wrapped, so the
     * service's other publishers are still found by type.
     */
    record OperationsPublisher(ConfirmedPublisher publisher) implements AutoCloseable {
        @Override
        public void close() {
            publisher.close();
        }
    }

    @Bean(destroyMethod = "close")
    OperationsPublisher operationsPublisher(ConnectionFactory connectionFactory, RabbitProperties rabbit) {
        List<Address> addresses = rabbit.determineAddresses().stream().map(Address::parseAddress).toList();
        return new OperationsPublisher(new ConfirmedPublisher(
                ((AbstractConnectionFactory) connectionFactory).getRabbitConnectionFactory(), addresses,
                "billwright-operations"));
    }

    @Bean
    DeadLetters deadLetters(ConnectionFactory connectionFactory, OperationsPublisher operationsPublisher,
                            Topology topology, Clock clock, BillwrightProperties properties) {
        return new DeadLetters(((AbstractConnectionFactory) connectionFactory).getRabbitConnectionFactory(),
                operationsPublisher.publisher(), topology, clock, properties.relay().confirmTimeout());
    }

    @Bean
    ManualDecisions manualDecisions(JdbcClient jdbc, OperationsPublisher operationsPublisher, Topology topology,
                                    OpsAudit audit, Clock clock, BillwrightProperties properties) {
        return new ManualDecisions(jdbc, operationsPublisher.publisher(), topology, audit, clock, properties.relay().confirmTimeout());
    }

    @Bean
    ErpStatuses erpStatuses(JdbcClient jdbc, PlatformTransactionManager transactions, OpsAudit audit, Clock clock,
                            OperationsSettings settings) {
        return new ErpStatuses(jdbc, new TransactionTemplate(transactions), audit, clock, settings.unacknowledgedAfter());
    }

    @Bean
    OperationsController operationsController(OpenExceptions exceptions, ManualDecisions decisions,
                                              DeadLetters deadLetters, ErpStatuses statuses, OpsAudit audit,
                                              JdbcClient jdbc, OutboxRepository outbox, Clock clock,
                                              OperationsSettings settings) {
        return new OperationsController(exceptions, decisions, deadLetters, statuses, audit, new JdbcRuleSetAudit(jdbc),
                outbox, clock, settings);
    }

    @Bean
    Reconciliations reconciliations(io.billwright.messaging.store.ContractStateRepository states,
                                    ErpStatuses statuses) {
        return new Reconciliations(states, statuses);
    }

    @Bean(destroyMethod = "close")
    OperationsGauges operationsGauges(MeterRegistry registry, OpenExceptions exceptions, ErpStatuses statuses,
                                      DeadLetters deadLetters, OperationsSettings settings, Clock clock) {
        OperationsGauges gauges = new OperationsGauges(registry, exceptions, statuses, deadLetters,
                settings.deadLetterBrowseLimit(), settings.deadLetterReasonsEvery(), clock);
        gauges.start(settings.gaugeRefresh());
        return gauges;
    }

    @Bean
    AcknowledgementListener acknowledgementListener(JdbcClient jdbc, PlatformTransactionManager transactions,
                                                    DeadLetterPublisher deadLetters, ServiceMetrics metrics,
                                                    Clock clock) {
        return new AcknowledgementListener(new AcknowledgementReader(),
                new AcknowledgementStore(jdbc, new TransactionTemplate(transactions)), deadLetters, metrics, clock);
    }

    /** One consumer on the acknowledgements queue; a failure to record puts the message back for a retry. */
    @Bean
    SimpleMessageListenerContainer acknowledgementContainer(ConnectionFactory connectionFactory, Topology topology,
                                                            AcknowledgementListener listener) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(topology.acknowledgementsQueue());
        container.setMessageListener(listener);
        container.setConcurrentConsumers(1);
        container.setPrefetchCount(20);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(true);
        container.setRecoveryInterval(1_000);
        container.setReceiveTimeout(100);
        // stopped after the inbound partitions (phase MAX_VALUE - 100), which must stop first on a shutdown
        container.setPhase(Integer.MAX_VALUE - 200);
        return container;
    }
}
