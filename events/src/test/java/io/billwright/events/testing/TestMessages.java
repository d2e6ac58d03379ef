package io.billwright.events.testing;

import io.billwright.events.EventType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Inbound CloudEvents as an upstream system sends them, for tests. Each builds the JSON by hand, so a
 * test never depends on the service's own serialisation.
 */
public final class TestMessages {

    private TestMessages() {
    }

    /** One message: its routing key, its CloudEvents id and body. */
    public record Msg(String routingKey, String id, String body) {
    }

    public static Msg envelope(EventType type, String id, String data) {
        String body = """
                {"specversion":"1.0","id":"%s","source":"/test","type":"%s","time":"2026-03-01T09:00:00Z",\
                "datacontenttype":"application/json","correlationid":"corr-%s","data":%s}"""
                .formatted(id, type.type(), id, data);
        return new Msg(type.routingKey(), id, body);
    }

    /** A time-and-materials contract: a German seller, a German customer (19% VAT), 5% retention. */
    public static Msg contract(String contractId, String erpTarget) {
        String data = """
                {"id":"%s","version":1,"status":"APPROVED","effectiveFrom":"2026-01-01","currency":"EUR",\
                "billingModel":"TIME_AND_MATERIALS",\
                "customer":{"id":"CUST-%s","name":"Kunde GmbH","country":"DE","taxId":"DE123456789"},\
                "seller":{"id":"BW-DE","country":"DE"},\
                "rateCard":{"CONSULTANT":"100.00","SENIOR":"150.00"},\
                "retention":{"percent":"5","cap":"100000.00","taxPoint":"AT_INVOICE"},\
                "erpTarget":"%s"}""".formatted(contractId, contractId, erpTarget);
        return envelope(EventType.CONTRACT_RECEIVED, "msg-" + contractId + "-contract", data);
    }

    public static Msg timeEntry(String contractId, String entryId, LocalDate date, String hours, String status) {
        return timeEntry("msg-" + contractId + "-" + entryId + "-" + status.toLowerCase(java.util.Locale.ROOT),
                contractId, entryId, date, hours, status);
    }

    public static Msg timeEntry(String messageId, String contractId, String entryId, LocalDate date, String hours,
                                String status) {
        String data = """
                {"contractId":"%s","timeEntry":{"id":"%s","person":"anna","role":"CONSULTANT","date":"%s",\
                "hours":"%s","status":"%s"}}""".formatted(contractId, entryId, date, hours, status);
        return envelope(EventType.TIME_ENTRY_RECORDED, messageId, data);
    }

    public static Msg periodClosed(String contractId, String periodId, LocalDate start, LocalDate end) {
        return periodClosed("msg-" + contractId + "-close-" + periodId, contractId, periodId, start, end);
    }

    public static Msg periodClosed(String messageId, String contractId, String periodId, LocalDate start,
                                   LocalDate end) {
        String data = """
                {"contractId":"%s","period":{"id":"%s","start":"%s","end":"%s"}}"""
                .formatted(contractId, periodId, start, end);
        return envelope(EventType.PERIOD_CLOSED, messageId, data);
    }

    public static Msg expense(String contractId, String expenseId, String amount, String currency) {
        String data = """
                {"contractId":"%s","expense":{"id":"%s","date":"2026-01-06","category":"TRAVEL","amount":"%s",\
                "currency":"%s","receipt":true,"status":"APPROVED"}}""".formatted(contractId, expenseId, amount, currency);
        return envelope(EventType.EXPENSE_RECORDED, "msg-" + contractId + "-" + expenseId, data);
    }

    /** Finance's manual decision on a held item: released or written off, requested by Fiona, approved by Oscar. */
    public static Msg manualDecision(String contractId, String itemId, String action, String requestId) {
        String data = """
                {"contractId":"%s","itemId":"%s","action":"%s","reason":"Client agreed to the overrun",\
                "requestedBy":"fiona@firm.example","approvedBy":"oscar@firm.example","requestId":"%s"}"""
                .formatted(contractId, itemId, action, requestId);
        return envelope(EventType.ITEM_MANUALLY_DECIDED, "msg-" + contractId + "-" + requestId, data);
    }

    /** The same message with another CloudEvents {@code time}. */
    public static Msg at(Msg message, String time) {
        return new Msg(message.routingKey(), message.id(),
                message.body().replace("\"time\":\"2026-03-01T09:00:00Z\"", "\"time\":\"" + time + "\""));
    }

    /** Another message under the same id (a reused id), for example with other hours. */
    public static Msg sameId(Msg original, Msg content) {
        return new Msg(content.routingKey(), original.id(), content.body().replace(content.id(), original.id()));
    }

    public static String uniqueContractId() {
        return "C-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }
}
