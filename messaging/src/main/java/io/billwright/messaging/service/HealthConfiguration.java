package io.billwright.messaging.service;

import io.billwright.messaging.observability.BackgroundHealth;
import io.billwright.messaging.partition.PartitionBalancer;
import io.billwright.messaging.partition.PartitionMembership;
import java.time.Clock;
import java.time.Duration;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /actuator/health}: the database and the broker, each checked in the background so the endpoint
 * answers within a second and says DOWN while either does not answer (Spring Boot's own checks wait for a
 * connection, 30 s and more during an outage, and are switched off in {@code application.yml}); and the
 * partitions this instance consumes.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    private static final Duration EVERY = Duration.ofMillis(500);
    private static final Duration STALE = Duration.ofMillis(1500);

    @Bean(destroyMethod = "close")
    BackgroundHealth dbHealthIndicator(JdbcClient jdbc, Clock clock) {
        return new BackgroundHealth("database", () -> {
            jdbc.sql("select 1").query(Integer.class).single();
            return Health.up().build();
        }, EVERY, STALE, clock);
    }

    @Bean(destroyMethod = "close")
    BackgroundHealth rabbitHealthIndicator(RabbitTemplate rabbit, Clock clock) {
        return new BackgroundHealth("broker", () -> {
            Object version = rabbit.execute(channel -> channel.getConnection().getServerProperties().get("version"));
            return Health.up().withDetail("version", String.valueOf(version)).build();
        }, EVERY, STALE, clock);
    }

    @Bean
    HealthIndicator partitionsHealthIndicator(PartitionBalancer balancer, PartitionMembership membership) {
        return () -> Health.up().withDetail("instance", membership.instanceId())
                .withDetail("instances", balancer.members()).withDetail("owned", balancer.owned()).build();
    }

    /** {@code /actuator/info}: the build and the rule set serving. */
    @Bean
    io.billwright.messaging.observability.ServiceInfo serviceInfo(io.billwright.messaging.rulesets.RuleSetLibrary rules) {
        return new io.billwright.messaging.observability.ServiceInfo(rules::live);
    }
}
