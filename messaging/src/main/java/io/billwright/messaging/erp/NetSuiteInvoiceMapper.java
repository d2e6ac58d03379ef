package io.billwright.messaging.erp;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.Contract;
import java.util.ArrayList;
import java.util.List;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

/** Maps an issued package to a {@link NetSuiteInvoice}. */
@Mapper(config = ErpMapperConfig.class, uses = {PackageHeaderMapper.class, ErpValues.class, TaxCodes.class})
public interface NetSuiteInvoiceMapper {

    @Mapping(target = "header", source = "source")
    @Mapping(target = "externalId", source = "billingPackage.id.value")
    @Mapping(target = "entity", source = "billingPackage.customerId")
    @Mapping(target = "subsidiary", source = "contract.seller.id")
    @Mapping(target = "currency", source = "billingPackage.currency")
    @Mapping(target = "tranDate", source = "billingPackage.issueDate")
    @Mapping(target = "memo", source = "billingPackage", qualifiedByName = "memo")
    @Mapping(target = "item", source = "source", qualifiedByName = "lines")
    @Mapping(target = "subtotal", source = "billingPackage.totals", qualifiedByName = "netAfterRetention")
    @Mapping(target = "taxTotal", source = "billingPackage.totals.tax")
    @Mapping(target = "total", source = "billingPackage.totals.amountDue")
    NetSuiteInvoice toInvoice(IssuedPackage source);

    /** A credit note as a credit memo created from the invoice it credits; the lines as on an invoice. */
    @Mapping(target = "header", source = "source")
    @Mapping(target = "externalId", source = "billingPackage.id.value")
    @Mapping(target = "createdFrom", source = "billingPackage.credits.value")
    @Mapping(target = "entity", source = "billingPackage.customerId")
    @Mapping(target = "subsidiary", source = "contract.seller.id")
    @Mapping(target = "currency", source = "billingPackage.currency")
    @Mapping(target = "tranDate", source = "billingPackage.issueDate")
    @Mapping(target = "memo", source = "billingPackage", qualifiedByName = "memo")
    @Mapping(target = "item", source = "source", qualifiedByName = "lines")
    @Mapping(target = "subtotal", source = "billingPackage.totals", qualifiedByName = "netAfterRetention")
    @Mapping(target = "taxTotal", source = "billingPackage.totals.tax")
    @Mapping(target = "total", source = "billingPackage.totals.amountDue")
    NetSuiteCreditMemo toCreditMemo(IssuedPackage source);

    @Mapping(target = "item", source = "erpLine", qualifiedByName = "product")
    @Mapping(target = "description", source = "description")
    @Mapping(target = "quantity", source = "quantity")
    @Mapping(target = "rate", source = "unitPrice")
    @Mapping(target = "amount", source = "amount")
    @Mapping(target = "taxCode", source = "line", qualifiedByName = "taxCode")
    @Mapping(target = "tax1Amt", source = "tax")
    @Mapping(target = "memo", source = "line.itemId")
    NetSuiteInvoiceLine line(ErpLine erpLine, @Context Contract contract);

    @Mapping(target = "item", constant = "RETENTION")
    @Mapping(target = "description", source = "description")
    @Mapping(target = "quantity", constant = "1")
    @Mapping(target = "rate", source = "amount")
    @Mapping(target = "amount", source = "amount")
    @Mapping(target = "taxCode", source = "taxCode")
    @Mapping(target = "tax1Amt", source = "tax")
    @Mapping(target = "memo", constant = "retention")
    NetSuiteInvoiceLine retentionLine(RetentionDeduction deduction);

    @Named("lines")
    default List<NetSuiteInvoiceLine> lines(IssuedPackage source) {
        List<NetSuiteInvoiceLine> lines = new ArrayList<>();
        ErpLine.of(source.billingPackage()).forEach(line -> lines.add(line(line, source.contract())));
        RetentionDeduction.of(source.billingPackage()).map(this::retentionLine).ifPresent(lines::add);
        return lines;
    }

    /** What the invoice is for, in words: {@code Billwright PERIOD_CLOSE 2026-01, contract C-1 v2}. */
    @Named("memo")
    default String memo(BillingPackage billingPackage) {
        if (billingPackage.isCreditNote()) {
            return "Billwright credit note of " + billingPackage.credits() + ", contract " + billingPackage.contractId()
                    + " v" + billingPackage.contractVersion();
        }
        return "Billwright " + billingPackage.trigger().kind() + " " + billingPackage.trigger().key() + ", contract "
                + billingPackage.contractId() + " v" + billingPackage.contractVersion();
    }
}
