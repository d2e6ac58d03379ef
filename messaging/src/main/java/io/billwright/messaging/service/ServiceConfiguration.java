package io.billwright.messaging.service;

import io.billwright.messaging.erp.ErpPayloads;
import io.billwright.events.EventDecoder;
import io.billwright.messaging.inbound.InboundHandler;
import io.billwright.events.InboundSchemas;
import io.billwright.events.MessageReader;
import io.billwright.messaging.observability.ServiceMetrics;
import io.billwright.messaging.outbox.OutboxRelay;
import io.billwright.messaging.publish.ConfirmedPublisher;
import io.billwright.messaging.partition.LegacyQueueDrain;
import io.billwright.messaging.partition.PartitionActivity;
import io.billwright.messaging.partition.PartitionBalancer;
import io.billwright.messaging.partition.PartitionConsumers;
import io.billwright.messaging.partition.PartitionMembership;
import io.billwright.messaging.outbox.OutboxRepository;
import io.billwright.messaging.parking.DeadLetterPublisher;
import io.billwright.messaging.processing.EventProcessor;
import io.billwright.messaging.processing.OutboundMessages;
import io.billwright.messaging.store.ContractStateRepository;
import io.billwright.messaging.store.DecisionLog;
import io.billwright.messaging.store.Deduplication;
import io.billwright.messaging.store.EventLog;
import io.billwright.messaging.store.PackageRegistry;
import io.billwright.messaging.store.StateCodec;
import io.billwright.messaging.topology.Topology;
import io.billwright.messaging.rulesets.JdbcRuleSetAudit;
import io.billwright.messaging.rulesets.ReleaseStager;
import io.billwright.messaging.rulesets.RuleSetFollower;
import io.billwright.messaging.rulesets.RuleSetLibrary;
import io.billwright.rules.check.ScenarioLimits;
import io.billwright.messaging.rulesets.RuleSetWatcher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.RabbitConnectionFactoryBean;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionFactoryBeanConfigurer;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import com.rabbitmq.client.Address;
import java.util.List;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the service: plain objects built from settings records, no Spring types past this class. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillwrightProperties.class)
class ServiceConfiguration {

    @Bean
    static PostgresPlans postgresPlans() {
        return new PostgresPlans();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @DependsOnDatabaseInitialization // it reads the audit trail (V5) to start on the release that was live
    RuleSetLibrary ruleSetLibrary(BillwrightProperties properties, Clock clock, JdbcClient jdbc) {
        BillwrightProperties.Rules rules = properties.rules();
        java.nio.file.Path maven = rules.mavenRepository() != null ? rules.mavenRepository()
                : java.nio.file.Path.of(System.getProperty("user.home"), ".m2", "repository");
        RuleSetLibrary library = new RuleSetLibrary(new RuleSetLibrary.Settings(rules.directory(), rules.scenarios(),
                rules.keep(), rules.development(), rules.releases(), maven, rules.trustedKeys(),
                rules.evaluationTimeLimit(), new ScenarioLimits(rules.verifyHeap(), rules.verifyScenarioLimit(),
                rules.evaluationTimeLimit(), ScenarioLimits.DEFAULT.startUp()), rules.startOnPackaged(), rules.staged()),
                clock,
                new JdbcRuleSetAudit(jdbc));
        library.warmUp(rules.warmUps()); // development mode only
        return library;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "billwright.rules.releases")
    ReleaseStager releaseStager(RuleSetLibrary library, BillwrightProperties properties) {
        return new ReleaseStager(library, properties.rules().releases(), properties.rules().stageEvery(),
                properties.rules().staged());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "billwright.rules.development", havingValue = "false", matchIfMissing = true)
    RuleSetFollower ruleSetFollower(RuleSetLibrary library, BillwrightProperties properties) {
        return new RuleSetFollower(library, properties.rules().followEvery());
    }

    @Bean
    @ConditionalOnProperty(name = "billwright.rules.watch", havingValue = "true")
    RuleSetWatcher ruleSetWatcher(RuleSetLibrary library, BillwrightProperties properties) {
        if (!properties.rules().development()) {
            throw new IllegalStateException("billwright.rules.watch compiles a rule folder inside the service, which"
                    + " only development mode does (billwright.rules.development=true)");
        }
        if (properties.rules().directory() == null) {
            throw new IllegalStateException("billwright.rules.watch needs billwright.rules.directory: the packaged"
                    + " rule set never changes");
        }
        return new RuleSetWatcher(library, properties.rules().directory(), properties.rules().quietPeriod());
    }

    @Bean
    ServiceMetrics serviceMetrics(MeterRegistry registry) {
        return new ServiceMetrics(registry);
    }

    @Bean
    MessageReader messageReader(BillwrightProperties properties) {
        return new MessageReader(new InboundSchemas(), new EventDecoder(), properties.maxMessageBytes());
    }

    @Bean
    ContractStateRepository contractStateRepository(JdbcClient jdbc, JdbcTemplate batchJdbc, Clock clock,
                                                    PlatformTransactionManager transactions) {
        return new ContractStateRepository(jdbc, batchJdbc, new StateCodec(), clock, transactions);
    }

    @Bean
    OutboxRepository outboxRepository(JdbcClient jdbc, JdbcTemplate batchJdbc, DataSource dataSource) {
        return new OutboxRepository(jdbc, batchJdbc, supportsSkipLocked(dataSource));
    }

    @Bean
    DeadLetterPublisher deadLetterPublisher(ConnectionFactory connectionFactory, RabbitProperties rabbit,
                                            Topology topology, Clock clock, BillwrightProperties properties) {
        return new DeadLetterPublisher(publisher(connectionFactory, rabbit, "billwright-parking"), topology, clock,
                properties.relay().confirmTimeout());
    }

    /**
     * A publisher on a connection of its own, with the service's broker settings: the plain client's
     * confirms and returns, so that Billwright adds no header to what it publishes.
     */
    @Bean(destroyMethod = "close")
    ConfirmedPublisher outboxPublisher(ConnectionFactory connectionFactory, RabbitProperties rabbit) {
        return publisher(connectionFactory, rabbit, "billwright-outbox");
    }

    /** The service's broker settings, and every address of {@code spring.rabbitmq.addresses} for a cluster. */
    private static ConfirmedPublisher publisher(ConnectionFactory connectionFactory, RabbitProperties rabbit,
                                                String name) {
        List<Address> addresses = rabbit.determineAddresses().stream().map(Address::parseAddress).toList();
        return new ConfirmedPublisher(((AbstractConnectionFactory) connectionFactory).getRabbitConnectionFactory(),
                addresses, name);
    }

    @Bean
    OutboxRelay outboxRelay(OutboxRepository outbox, PlatformTransactionManager transactions,
                            ConfirmedPublisher rabbit,
                            DeadLetterPublisher deadLetters, ServiceMetrics metrics, Clock clock,
                            BillwrightProperties properties) {
        BillwrightProperties.Relay relay = properties.relay();
        metrics.watchOutbox(outbox::pending, () -> outbox.oldestPendingSeconds(clock.instant()));
        return new OutboxRelay(outbox, new TransactionTemplate(transactions), rabbit, deadLetters, metrics, clock,
                new OutboxRelay.Settings(relay.batchSize(), relay.pollInterval(), relay.confirmTimeout(),
                        relay.initialBackoff(), relay.maxBackoff(), relay.maxAttempts()));
    }

    @Bean
    OutboundMessages outboundMessages(Topology topology, ErpPayloads payloads, Clock clock, RuleSetLibrary rules) {
        return new OutboundMessages(topology, payloads, clock, rules::describe);
    }

    @Bean
    EventProcessor eventProcessor(JdbcTemplate batchJdbc, ContractStateRepository states,
                                  OutboxRepository outbox,
                                  RuleSetLibrary rules, OutboundMessages outbound,
                                  PlatformTransactionManager transactions, OutboxRelay relay, Clock clock) {
        EventProcessor.Repositories store = new EventProcessor.Repositories(states,
                new Deduplication(batchJdbc), new EventLog(batchJdbc), new DecisionLog(batchJdbc),
                new PackageRegistry(batchJdbc), outbox);
        return new EventProcessor(store, rules::engine, outbound, new TransactionTemplate(transactions), relay,
                clock);
    }

    @Bean
    PartitionActivity partitionActivity() {
        return new PartitionActivity();
    }

    @Bean
    InboundHandler inboundHandler(MessageReader reader, EventProcessor processor, DeadLetterPublisher deadLetters,
                                  ServiceMetrics metrics, BillwrightProperties properties,
                                  PartitionActivity activity) {
        BillwrightProperties.Retry retry = properties.retry();
        return new InboundHandler(reader, processor, deadLetters, metrics, new InboundHandler.Retry(
                retry.initialBackoff(), retry.maxBackoff(), retry.warnEvery(), retry.maxDeliveries()), activity);
    }

    /**
     * One consumer per partition queue, each taking up to {@code batch-size} messages per transaction; the
     * broker's single active consumer gives each queue to one instance at a time, in order.
     */
    @Bean
    PartitionConsumers partitionConsumers(InboundHandler handler, Topology topology, BillwrightProperties properties,
                                          RabbitConnectionFactoryBeanConfigurer rabbitConfigurer,
                                          CachingConnectionFactoryConfigurer cachingConfigurer, AmqpAdmin admin) {
        return new PartitionConsumers(topology.inboundQueues(), () -> partitionConnection(rabbitConfigurer,
                cachingConfigurer), (queue, connection) -> container(connection, handler, queue, properties), admin,
                handler::stopping);
    }

    /**
     * A connection factory for one partition, configured as Spring Boot configures the service's own (the
     * same {@code spring.rabbitmq.*} settings): a partition is given away by closing its connection.
     */
    private static CachingConnectionFactory partitionConnection(RabbitConnectionFactoryBeanConfigurer rabbitConfigurer,
                                                                CachingConnectionFactoryConfigurer cachingConfigurer) {
        try {
            RabbitConnectionFactoryBean bean = new RabbitConnectionFactoryBean();
            rabbitConfigurer.configure(bean);
            bean.afterPropertiesSet();
            CachingConnectionFactory factory = new CachingConnectionFactory(bean.getObject());
            cachingConfigurer.configure(factory);
            factory.setConnectionNameStrategy(f -> "billwright-partition");
            return factory;
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure a partition's connection: " + e.getMessage(), e);
        }
    }

    @Bean
    PartitionMembership partitionMembership(JdbcClient jdbc, BillwrightProperties properties) {
        BillwrightProperties.Partitions partitions = properties.partitions();
        return new PartitionMembership(jdbc, instanceId(partitions.instanceId()), partitions.expiry());
    }

    @Bean
    PartitionBalancer partitionBalancer(PartitionMembership membership, PartitionConsumers consumers,
                                        PartitionActivity activity, Topology topology,
                                        BillwrightProperties properties) {
        return new PartitionBalancer(membership, consumers, activity, topology::partitionQueue,
                properties.partitions().heartbeat());
    }

    @Bean
    LegacyQueueDrain legacyQueueDrain(ConnectionFactory connectionFactory, Topology topology) {
        com.rabbitmq.client.ConnectionFactory raw = ((AbstractConnectionFactory) connectionFactory)
                .getRabbitConnectionFactory();
        return new LegacyQueueDrain(raw, topology);
    }

    /** This instance's name among the live ones: the configured one, or host, process id and a random suffix. */
    private static String instanceId(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 6);
    }

    private static SimpleMessageListenerContainer container(ConnectionFactory connectionFactory, InboundHandler handler,
                                                            String queue, BillwrightProperties properties) {
        int batchSize = properties.batchSize();
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue);
        container.setMessageListener(handler);
        // one consumer: a partition's messages are applied one batch after another, in queue order
        container.setConcurrentConsumers(1);
        container.setPrefetchCount(Math.max(properties.prefetch(), batchSize));
        // several messages per transaction: one lock statement, batched writes and one commit for them all
        container.setConsumerBatchEnabled(batchSize > 1);
        container.setBatchSize(Math.max(1, batchSize));
        container.setBatchReceiveTimeout(properties.batchWait().toMillis());
        // the wait for each next message of a batch: at the 1 s default, the last close of a month-end
        // burst waited a second for company that never came
        container.setReceiveTimeout(Math.max(1, properties.batchWait().toMillis()));
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        // a listener that throws has failed to park: let the queue's dead-letter exchange take the message
        // rather than loop on it
        container.setDefaultRequeueRejected(false);
        container.setShutdownTimeout(30_000);
        // a yield closes the partition's connection: the consumer subscribes again this much later
        container.setRecoveryInterval(1_000);
        container.setAutoStartup(false); // PartitionConsumers starts and stops it
        container.setBeanName("partition-" + queue.substring(queue.lastIndexOf('.') + 1));
        container.afterPropertiesSet();
        return container;
    }

    private static boolean supportsSkipLocked(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }
}
