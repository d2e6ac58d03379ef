package io.billwright.messaging.service;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.context.annotation.Bean;

/** The billing service: {@code java -jar billwright-service.jar}. */
@SpringBootApplication(scanBasePackages = "io.billwright.messaging")
public class BillwrightService {

    public static void main(String[] args) {
        SpringApplication.run(BillwrightService.class, args);
    }

    /** Publishes on a connection of its own, so a blocked publisher never stalls the consumers. */
    @Bean
    RabbitTemplateCustomizer publisherConnection() {
        return (RabbitTemplate template) -> template.setUsePublisherConnection(true);
    }
}
