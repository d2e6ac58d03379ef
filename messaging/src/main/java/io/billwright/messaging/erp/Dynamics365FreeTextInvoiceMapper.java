package io.billwright.messaging.erp;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.item.ItemKind;
import java.util.ArrayList;
import java.util.List;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

/** Maps an issued package to a {@link Dynamics365FreeTextInvoice}. */
@Mapper(config = ErpMapperConfig.class, uses = {PackageHeaderMapper.class, ErpValues.class, TaxCodes.class})
public interface Dynamics365FreeTextInvoiceMapper {

    String SERVICES = "SERVICES";
    String RETENTION = "RETENTION";
    String RETENTION_RECEIVABLE = "RETENTION-RECEIVABLE";

    @Mapping(target = "header", source = "source")
    @Mapping(target = "dataAreaId", source = "contract.seller.id")
    @Mapping(target = "customerAccount", source = "billingPackage.customerId")
    @Mapping(target = "invoiceDate", source = "billingPackage.issueDate")
    @Mapping(target = "currencyCode", source = "billingPackage.currency")
    @Mapping(target = "externalInvoiceId", source = "billingPackage.id.value")
    @Mapping(target = "lines", source = "source", qualifiedByName = "lines")
    @Mapping(target = "creditedExternalInvoiceId", source = "billingPackage.credits.value")
    Dynamics365FreeTextInvoice toFreeTextInvoice(IssuedPackage source);

    @Mapping(target = "lineNumber", source = "position")
    @Mapping(target = "description", source = "description")
    @Mapping(target = "mainAccount", source = "line.kind", qualifiedByName = "mainAccount")
    @Mapping(target = "quantity", source = "quantity")
    @Mapping(target = "unitPrice", source = "unitPrice")
    @Mapping(target = "lineAmount", source = "amount")
    @Mapping(target = "salesTaxGroup", source = "line", qualifiedByName = "taxCode")
    @Mapping(target = "itemSalesTaxGroup", constant = SERVICES)
    @Mapping(target = "salesTaxAmount", source = "tax")
    Dynamics365FreeTextInvoiceLine line(ErpLine erpLine, @Context Contract contract);

    @Mapping(target = "lineNumber", source = "position")
    @Mapping(target = "description", source = "deduction.description")
    @Mapping(target = "mainAccount", constant = RETENTION_RECEIVABLE)
    @Mapping(target = "quantity", constant = "1")
    @Mapping(target = "unitPrice", source = "deduction.amount")
    @Mapping(target = "lineAmount", source = "deduction.amount")
    @Mapping(target = "salesTaxGroup", source = "deduction.taxCode")
    @Mapping(target = "itemSalesTaxGroup", constant = RETENTION)
    @Mapping(target = "salesTaxAmount", source = "deduction.tax")
    Dynamics365FreeTextInvoiceLine retentionLine(RetentionDeduction deduction, int position);

    @Named("lines")
    default List<Dynamics365FreeTextInvoiceLine> lines(IssuedPackage source) {
        List<Dynamics365FreeTextInvoiceLine> lines = new ArrayList<>();
        List<ErpLine> erpLines = ErpLine.of(source.billingPackage());
        erpLines.forEach(line -> lines.add(line(line, source.contract())));
        RetentionDeduction.of(source.billingPackage()).map(d -> retentionLine(d, ErpLine.after(erpLines)))
                .ifPresent(lines::add);
        if (source.billingPackage().isCreditNote()) {
            // a free text credit note is a free text invoice with negative lines
            return lines.stream().map(Dynamics365FreeTextInvoiceLine::credited).toList();
        }
        return lines;
    }

    /** Revenue by kind; a release of retention settles the retention receivable rather than earning revenue. */
    @Named("mainAccount")
    default String mainAccount(ItemKind kind) {
        return kind == ItemKind.RETENTION_RELEASE ? RETENTION_RECEIVABLE : "REVENUE-" + kind.name();
    }
}
