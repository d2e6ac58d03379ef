package io.billwright.messaging.service;

import io.billwright.messaging.tools.BillwrightTools;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The billing service: {@code java -jar billwright-service.jar}. With a command ({@code publish},
 * {@code watch}, {@code load}) the same jar runs a tool instead.
 */
@SpringBootApplication(scanBasePackages = "io.billwright.messaging")
public class BillwrightService {

    public static void main(String[] args) {
        if (BillwrightTools.wants(args)) {
            System.exit(BillwrightTools.run(args));
        }
        SpringApplication.run(BillwrightService.class, args);
    }

    /** Publishes on a connection of its own, so a blocked publisher never stalls the consumers. */
    @Bean
    RabbitTemplateCustomizer publisherConnection() {
        return (RabbitTemplate template) -> template.setUsePublisherConnection(true);
    }
}
