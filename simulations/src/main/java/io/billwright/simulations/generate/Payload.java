package io.billwright.simulations.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** The {@code data} of one message, written field by field in the order of its JSON Schema; nulls are left out. */
sealed interface Payload {

    /** Writes the {@code data} object. */
    void write(JsonGenerator json);

    /** A contract version ({@code contract-received}). */
    record ContractPayload(Engagement contract, ContractVersion version) implements Payload {
        @Override
        public void write(JsonGenerator json) {
            ContractWriter.write(json, contract, version);
        }
    }

    /** A time entry in one status ({@code time-entry-recorded}). */
    record TimeEntryPayload(String contractId, TimeEntryLine entry, String status) implements Payload {
        @Override
        public void write(JsonGenerator json) {
            json.writeStartObject();
            json.writeStringProperty("contractId", contractId);
            json.writeName("timeEntry");
            json.writeStartObject();
            json.writeStringProperty("id", entry.id());
            json.writeStringProperty("person", entry.person());
            json.writeStringProperty("role", entry.role());
            json.writeStringProperty("date", entry.date());
            json.writeStringProperty("hours", entry.hours());
            if (!entry.billable()) {
                json.writeBooleanProperty("billable", false);
            }
            json.writeStringProperty("status", status);
            if (entry.milestoneId() != null) {
                json.writeStringProperty("milestoneId", entry.milestoneId());
            }
            if (entry.subcontractor()) {
                json.writeBooleanProperty("subcontractor", true);
                if (entry.costRate() != null) {
                    json.writeStringProperty("costRate", Amounts.plain(entry.costRate()));
                }
            }
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    /** An expense in one status, with or without a receipt ({@code expense-recorded}). */
    record ExpensePayload(String contractId, ExpenseLine expense, String status, boolean receipt) implements Payload {
        @Override
        public void write(JsonGenerator json) {
            json.writeStartObject();
            json.writeStringProperty("contractId", contractId);
            json.writeName("expense");
            json.writeStartObject();
            json.writeStringProperty("id", expense.id());
            json.writeStringProperty("date", expense.date());
            json.writeStringProperty("category", expense.category());
            json.writeStringProperty("amount", Amounts.plain(expense.amount()));
            json.writeStringProperty("currency", expense.currency().getCurrencyCode());
            if (expense.convertedAmount() != null) {
                json.writeStringProperty("convertedAmount", Amounts.plain(expense.convertedAmount()));
            }
            json.writeBooleanProperty("receipt", receipt);
            json.writeStringProperty("status", status);
            if (expense.milestoneId() != null) {
                json.writeStringProperty("milestoneId", expense.milestoneId());
            }
            if (expense.description() != null) {
                json.writeStringProperty("description", expense.description());
            }
            if (expense.person() != null) {
                json.writeStringProperty("person", expense.person());
            }
            if (expense.tripId() != null) {
                json.writeStringProperty("tripId", expense.tripId());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    /** A milestone completed or accepted ({@code milestone-completed}, {@code milestone-accepted}). */
    record MilestonePayload(String contractId, String milestoneId, LocalDate date) implements Payload {
        @Override
        public void write(JsonGenerator json) {
            json.writeStartObject();
            json.writeStringProperty("contractId", contractId);
            json.writeStringProperty("milestoneId", milestoneId);
            json.writeStringProperty("date", date.toString());
            json.writeEndObject();
        }
    }

    /** A calendar month closed for billing ({@code period-closed}). */
    record PeriodPayload(String contractId, YearMonth month) implements Payload {
        @Override
        public void write(JsonGenerator json) {
            json.writeStartObject();
            json.writeStringProperty("contractId", contractId);
            json.writeName("period");
            json.writeStartObject();
            json.writeStringProperty("id", month.toString());
            json.writeStringProperty("start", month.atDay(1).toString());
            json.writeStringProperty("end", month.atEndOfMonth().toString());
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    /** The contract completed ({@code contract-completed}). */
    record CompletionPayload(String contractId, LocalDate date) implements Payload {
        @Override
        public void write(JsonGenerator json) {
            json.writeStartObject();
            json.writeStringProperty("contractId", contractId);
            json.writeStringProperty("date", date.toString());
            json.writeEndObject();
        }
    }

    /** Writes {@code values} as an object of decimal strings. */
    static void decimals(JsonGenerator json, String name, Map<String, BigDecimal> values) {
        json.writeName(name);
        json.writeStartObject();
        values.forEach((key, value) -> json.writeStringProperty(key, Amounts.plain(value)));
        json.writeEndObject();
    }
}
