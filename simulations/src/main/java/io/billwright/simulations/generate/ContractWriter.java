package io.billwright.simulations.generate;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** Writes one contract version as the {@code data} of {@code contract-received}: the whole contract, as the CRM sends it. */
final class ContractWriter {

    private ContractWriter() {
    }

    static void write(JsonGenerator json, Engagement contract, ContractVersion version) {
        json.writeStartObject();
        json.writeStringProperty("id", contract.id());
        json.writeNumberProperty("version", version.version());
        json.writeStringProperty("status", "APPROVED");
        json.writeStringProperty("effectiveFrom", version.effectiveFrom().toString());
        if (contract.endDate() != null) {
            json.writeStringProperty("endDate", contract.endDate().toString());
        }
        customer(json, contract.customer());
        json.writeName("seller");
        json.writeStartObject();
        json.writeStringProperty("id", contract.seller().id());
        json.writeStringProperty("country", contract.seller().country());
        if (contract.seller().region() != null) {
            json.writeStringProperty("region", contract.seller().region());
        }
        json.writeEndObject();
        json.writeStringProperty("currency", contract.currency().getCurrencyCode());
        json.writeStringProperty("billingModel", contract.model().name());
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        version.rates().forEach((role, rate) -> rates.put(role.name(), rate));
        Payload.decimals(json, "rateCard", rates);
        if (version.notToExceed() != null) {
            json.writeStringProperty("notToExceed", Amounts.plain(version.notToExceed()));
        }
        milestones(json, contract);
        schedule(json, contract);
        if (contract.retainer() != null) {
            Engagement.Retainer retainer = contract.retainer();
            json.writeName("retainer");
            json.writeStartObject();
            json.writeStringProperty("amountPerPeriod", Amounts.plain(version.retainerFee()));
            json.writeStringProperty("includedHours", Amounts.plain(retainer.includedHours()));
            json.writeBooleanProperty("overageAllowed", retainer.overageAllowed());
            json.writeBooleanProperty("rollover", retainer.rollover());
            json.writeEndObject();
        }
        if (contract.retention() != null) {
            Engagement.Retention retention = contract.retention();
            json.writeName("retention");
            json.writeStartObject();
            json.writeStringProperty("percent", Amounts.plain(retention.percent()));
            if (retention.cap() != null) {
                json.writeStringProperty("cap", Amounts.plain(retention.cap()));
            }
            json.writeStringProperty("taxPoint", retention.taxPoint());
            json.writeEndObject();
        }
        expensePolicy(json, contract.expenseRules());
        if (contract.subcontractorMarkup() != null) {
            json.writeStringProperty("subcontractorMarkupPercent", Amounts.plain(contract.subcontractorMarkup()));
        }
        json.writeStringProperty("erpTarget", contract.erp().name());
        json.writeEndObject();
    }

    private static void customer(JsonGenerator json, CustomerProfile customer) {
        json.writeName("customer");
        json.writeStartObject();
        json.writeStringProperty("id", customer.id());
        json.writeStringProperty("name", customer.name());
        json.writeStringProperty("country", customer.country());
        if (customer.region() != null) {
            json.writeStringProperty("region", customer.region());
        }
        if (customer.taxId() != null) {
            json.writeStringProperty("taxId", customer.taxId());
        }
        if (customer.taxExempt()) {
            json.writeBooleanProperty("taxExempt", true);
        }
        if (customer.taxStatus() != null) {
            json.writeStringProperty("taxStatus", customer.taxStatus().name());
        }
        json.writeEndObject();
    }

    private static void milestones(JsonGenerator json, Engagement contract) {
        if (contract.milestones().isEmpty()) {
            return;
        }
        json.writeName("milestones");
        json.writeStartArray();
        for (Engagement.Milestone milestone : contract.milestones()) {
            json.writeStartObject();
            json.writeStringProperty("id", milestone.id());
            json.writeStringProperty("name", milestone.name());
            json.writeStringProperty("amount", Amounts.plain(milestone.amount()));
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void schedule(JsonGenerator json, Engagement contract) {
        if (contract.schedule().isEmpty()) {
            return;
        }
        json.writeName("schedule");
        json.writeStartArray();
        for (Engagement.Instalment instalment : contract.schedule()) {
            json.writeStartObject();
            json.writeStringProperty("id", instalment.id());
            json.writeStringProperty("dueDate", instalment.due().toString());
            json.writeStringProperty("amount", Amounts.plain(instalment.amount()));
            json.writeStringProperty("description", instalment.description());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void expensePolicy(JsonGenerator json, Engagement.ExpenseRules rules) {
        if (rules == null) {
            return;
        }
        json.writeName("expensePolicy");
        json.writeStartObject();
        json.writeName("billableCategories");
        json.writeStartArray();
        rules.categories().forEach(json::writeString);
        json.writeEndArray();
        if (rules.receiptThreshold() != null) {
            json.writeStringProperty("receiptThreshold", Amounts.plain(rules.receiptThreshold()));
        }
        if (!rules.limits().isEmpty()) {
            Payload.decimals(json, "categoryLimits", rules.limits());
        }
        if (!rules.dailyLimits().isEmpty()) {
            Payload.decimals(json, "dailyLimits", rules.dailyLimits());
        }
        if (!rules.tripLimits().isEmpty()) {
            Payload.decimals(json, "tripLimits", rules.tripLimits());
        }
        if (rules.markupPercent() != null) {
            json.writeStringProperty("markupPercent", Amounts.plain(rules.markupPercent()));
        }
        json.writeEndObject();
    }
}
