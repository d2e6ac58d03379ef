package io.billwright.events;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.ContractId;
import io.billwright.engine.contract.RateCard;
import io.billwright.engine.event.BillingEvent;
import io.billwright.engine.event.BillingPeriod;
import io.billwright.engine.event.BillingPeriodClosed;
import io.billwright.engine.event.ContractCompleted;
import io.billwright.engine.event.ContractReceived;
import io.billwright.engine.event.EventId;
import io.billwright.engine.event.ExpenseRecorded;
import io.billwright.engine.event.ManualAction;
import io.billwright.engine.event.ManualDecision;
import io.billwright.engine.event.MilestoneAccepted;
import io.billwright.engine.event.MilestoneCompleted;
import io.billwright.engine.event.TimeEntryRecorded;
import io.billwright.engine.item.Expense;
import io.billwright.engine.item.TimeEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Maps a validated {@code data} object to the engine's event. The wire uses the engine's own field
 * names (the same vocabulary as the analysts' scenario files), so binding is direct; what the schema
 * cannot say (a currency ISO 4217 does not know, more decimals than the currency has) is checked here
 * and reported with the field's path.
 */
public final class EventDecoder {

    private final JsonMapper mapper = newMapper();

    /** The event, its contract and its business key. */
    public record Decoded(BillingEvent event, ContractId contractId, String businessKey) {
    }

    public Decoded decode(EventType type, String messageId, JsonNode data) {
        EventId id = new EventId(messageId);
        return switch (type) {
            case CONTRACT_RECEIVED -> {
                Contract contract = bind(data, Contract.class, "data");
                checkContractAmounts(contract);
                yield new Decoded(new ContractReceived(id, contract), contract.id(),
                        "contract:" + contract.id().value() + ":v" + contract.version());
            }
            case CONTRACT_COMPLETED -> {
                ContractId contract = contractId(data);
                LocalDate date = bind(data.get("date"), LocalDate.class, "data.date");
                yield new Decoded(new ContractCompleted(id, contract, date), contract,
                        "contract-completed:" + contract.value());
            }
            case TIME_ENTRY_RECORDED -> {
                ContractId contract = contractId(data);
                TimeEntry entry = bind(data.get("timeEntry"), TimeEntry.class, "data.timeEntry");
                yield new Decoded(new TimeEntryRecorded(id, contract, entry), contract,
                        "timeentry:" + contract.value() + ":" + entry.id());
            }
            case EXPENSE_RECORDED -> {
                ContractId contract = contractId(data);
                Expense expense = bind(data.get("expense"), Expense.class, "data.expense");
                checkScale(expense.amount(), expense.currency(), "data.expense.amount");
                yield new Decoded(new ExpenseRecorded(id, contract, expense), contract,
                        "expense:" + contract.value() + ":" + expense.id());
            }
            case MILESTONE_COMPLETED, MILESTONE_ACCEPTED -> {
                ContractId contract = contractId(data);
                String milestone = data.get("milestoneId").asString();
                LocalDate date = bind(data.get("date"), LocalDate.class, "data.date");
                boolean accepted = type == EventType.MILESTONE_ACCEPTED;
                BillingEvent event = accepted ? new MilestoneAccepted(id, contract, milestone, date)
                        : new MilestoneCompleted(id, contract, milestone, date);
                yield new Decoded(event, contract, (accepted ? "milestone-accepted:" : "milestone-completed:")
                        + contract.value() + ":" + milestone);
            }
            case ITEM_MANUALLY_DECIDED -> {
                ContractId contract = contractId(data);
                ManualDecision decision = manualDecision(id, contract, data);
                yield new Decoded(decision, contract, "manual-decision:" + contract.value() + ":" + decision.requestId());
            }
            case PERIOD_CLOSED -> {
                ContractId contract = contractId(data);
                BillingPeriod period = bind(data.get("period"), BillingPeriod.class, "data.period");
                yield new Decoded(new BillingPeriodClosed(id, contract, period), contract,
                        "period:" + contract.value() + ":" + period.id());
            }
        };
    }

    /**
     * The schema has checked the fields are there and not blank; the model refuses what it cannot say (the same
     * person requesting and approving), reported at the field its message names.
     */
    private static ManualDecision manualDecision(EventId id, ContractId contract, JsonNode data) {
        try {
            return new ManualDecision(id, contract, data.get("itemId").asString(),
                    ManualAction.valueOf(data.get("action").asString()), data.get("reason").asString(),
                    data.get("requestedBy").asString(), data.get("approvedBy").asString(),
                    data.get("requestId").asString());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(':');
            String field = "data" + (colon > 0 ? "." + message.substring(0, colon) : "");
            throw new RejectedMessage(ParkReason.INVALID_DATA, field, "data." + message);
        }
    }

    private static ContractId contractId(JsonNode data) {
        return new ContractId(data.get("contractId").asString());
    }

    private void checkContractAmounts(Contract contract) {
        Currency currency = contract.currency();
        if (contract.rateCard() != null) {
            contract.rateCard().rates().forEach((role, rate) -> checkScale(rate, currency, "data.rateCard." + role));
        }
        checkScale(contract.notToExceed(), currency, "data.notToExceed");
        checkScale(contract.contractValue(), currency, "data.contractValue");
        for (int i = 0; i < contract.milestones().size(); i++) {
            checkScale(contract.milestones().get(i).amount(), currency, "data.milestones[" + i + "].amount");
        }
        for (int i = 0; i < contract.schedule().size(); i++) {
            checkScale(contract.schedule().get(i).amount(), currency, "data.schedule[" + i + "].amount");
        }
        if (contract.retainer() != null) {
            checkScale(contract.retainer().amountPerPeriod(), currency, "data.retainer.amountPerPeriod");
        }
        if (contract.retention() != null) {
            checkScale(contract.retention().cap(), currency, "data.retention.cap");
        }
        if (contract.expensePolicy() != null) {
            checkScale(contract.expensePolicy().receiptThreshold(), currency, "data.expensePolicy.receiptThreshold");
            contract.expensePolicy().categoryLimits().forEach((category, limit) ->
                    checkScale(limit, currency, "data.expensePolicy.categoryLimits." + category));
            contract.expensePolicy().dailyLimits().forEach((category, limit) ->
                    checkScale(limit, currency, "data.expensePolicy.dailyLimits." + category));
            contract.expensePolicy().tripLimits().forEach((category, limit) ->
                    checkScale(limit, currency, "data.expensePolicy.tripLimits." + category));
        }
    }

    private static void checkScale(BigDecimal amount, Currency currency, String field) {
        if (amount == null || currency == null) {
            return;
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new RejectedMessage(ParkReason.TOO_MANY_DECIMALS, field, field + ": '" + amount.toPlainString()
                    + "' has more decimals than " + currency.getCurrencyCode() + " allows (" + digits + ")");
        }
    }

    private <T> T bind(JsonNode node, Class<T> type, String path) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JacksonException e) {
            throw rejection(e, path);
        } catch (IllegalArgumentException e) {
            throw new RejectedMessage(ParkReason.INVALID_DATA, path, path + ": " + e.getMessage());
        }
    }

    private static RejectedMessage rejection(JacksonException e, String root) {
        String field = root + pathOf(e);
        if (e instanceof InvalidFormatException f && f.getTargetType() == Currency.class) {
            return new RejectedMessage(ParkReason.UNKNOWN_CURRENCY, field,
                    field + ": '" + f.getValue() + "' is not an ISO 4217 currency code");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new RejectedMessage(ParkReason.SCHEMA_VIOLATION, field, field + ": unknown field '"
                    + u.getPropertyName() + "'");
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String message = cause == e ? e.getOriginalMessage() : cause.getMessage();
        if (cause instanceof NullPointerException && message != null && !message.contains(" ")) {
            message = "required field '" + message + "' is missing";
        }
        return new RejectedMessage(ParkReason.INVALID_DATA, field, field + ": " + message);
    }

    private static String pathOf(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
    }

    private static JsonMapper newMapper() {
        SimpleModule ids = new SimpleModule("billwright-wire-ids");
        ids.addDeserializer(ContractId.class, new ValueDeserializer<>() {
            @Override
            public ContractId deserialize(JsonParser p, DeserializationContext ctxt) {
                return new ContractId(p.getValueAsString());
            }
        });
        ids.addDeserializer(RateCard.class, new ValueDeserializer<>() {
            @Override
            public RateCard deserialize(JsonParser p, DeserializationContext ctxt) {
                Map<String, BigDecimal> rates = ctxt.readValue(p,
                        ctxt.getTypeFactory().constructType(new TypeReference<Map<String, BigDecimal>>() { }));
                return new RateCard(rates);
            }
        });
        return JsonMapper.builder()
                .addModule(ids)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }
}
