package io.billwright.messaging.processing;

import java.util.List;

/**
 * The {@code data} of a held or rejected item on the exceptions queue
 * ({@code schemas/outbound/exception.schema.json}).
 *
 * @param amount    decimal string, or null when the decision carries no amount
 * @param messageId the inbound message that led to the decision
 * @param ruleDescriptions what each of {@code rules} does, in the same order
 */
public record ExceptionNotice(String contractId, String itemId, String kind, String status, String reason,
                             String detail, String amount, String currency, String ruleSetVersion,
                             List<String> rules, Integer contractVersion, List<String> sourceEventIds,
                             String messageId, List<String> ruleDescriptions) {
}
