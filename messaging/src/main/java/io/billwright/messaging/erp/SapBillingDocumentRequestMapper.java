package io.billwright.messaging.erp;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.billing.PackageId;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.billing.QuantityUnit;
import java.util.ArrayList;
import java.util.List;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

/** Maps an issued package to a {@link SapBillingDocumentRequest}. */
@Mapper(config = ErpMapperConfig.class, uses = {PackageHeaderMapper.class, ErpValues.class, TaxCodes.class})
public interface SapBillingDocumentRequestMapper {

    /** SAP's invoice billing type. */
    String INVOICE = "F2";
    /** SAP's credit memo billing type. */
    String CREDIT_MEMO = "G2";
    String HOURS = "H";
    String EACH = "EA";

    @Mapping(target = "header", source = "source")
    @Mapping(target = "billingDocumentType", source = "billingPackage", qualifiedByName = "billingType")
    @Mapping(target = "referenceSDDocument", source = "billingPackage.credits", qualifiedByName = "compactPackageId")
    @Mapping(target = "salesOrganization", source = "contract.seller.id")
    @Mapping(target = "soldToParty", source = "billingPackage.customerId")
    @Mapping(target = "billingDocumentDate", source = "billingPackage.issueDate")
    @Mapping(target = "transactionCurrency", source = "billingPackage.currency")
    @Mapping(target = "purchaseOrderByCustomer", source = "billingPackage.id", qualifiedByName = "compactPackageId")
    @Mapping(target = "totalNetAmount", source = "billingPackage.totals", qualifiedByName = "netAfterRetention")
    @Mapping(target = "totalTaxAmount", source = "billingPackage.totals.tax")
    @Mapping(target = "totalGrossAmount", source = "billingPackage.totals.amountDue")
    @Mapping(target = "items", source = "source", qualifiedByName = "items")
    SapBillingDocumentRequest toBillingDocumentRequest(IssuedPackage source);

    @Mapping(target = "billingDocumentItem", source = "erpLine", qualifiedByName = "sapItemNumber")
    @Mapping(target = "product", source = "erpLine", qualifiedByName = "product")
    @Mapping(target = "billingDocumentItemText", source = "description")
    @Mapping(target = "billingQuantity", source = "quantity")
    @Mapping(target = "billingQuantityUnit", source = "unit")
    @Mapping(target = "netAmount", source = "amount")
    @Mapping(target = "taxCode", source = "line", qualifiedByName = "taxCode")
    @Mapping(target = "taxAmount", source = "tax")
    @Mapping(target = "referenceSDDocumentItem", source = "line.creditedLine", qualifiedByName = "itemNumber")
    SapBillingDocumentRequestItem item(ErpLine erpLine, @Context Contract contract);

    @Mapping(target = "billingDocumentItem", source = "lineNo", qualifiedByName = "itemNumber")
    @Mapping(target = "product", constant = "RETENTION")
    @Mapping(target = "billingDocumentItemText", source = "description")
    @Mapping(target = "billingQuantity", constant = "1")
    @Mapping(target = "billingQuantityUnit", constant = EACH)
    @Mapping(target = "netAmount", source = "amount")
    @Mapping(target = "taxCode", source = "taxCode")
    @Mapping(target = "taxAmount", source = "tax")
    @Mapping(target = "referenceSDDocumentItem", ignore = true)
    SapBillingDocumentRequestItem retentionItem(RetentionDeduction deduction);

    @Named("items")
    default List<SapBillingDocumentRequestItem> items(IssuedPackage source) {
        List<SapBillingDocumentRequestItem> items = new ArrayList<>();
        ErpLine.of(source.billingPackage()).forEach(line -> items.add(item(line, source.contract())));
        RetentionDeduction.of(source.billingPackage()).map(this::retentionItem).ifPresent(items::add);
        return items;
    }

    /** SAP numbers items in steps of ten. */
    @Named("itemNumber")
    default String itemNumber(Integer lineNo) {
        return lineNo == null ? null : Integer.toString(lineNo * 10);
    }

    /** {@code G2} for a credit note, {@code F2} for an invoice. */
    @Named("billingType")
    default String billingType(BillingPackage billingPackage) {
        return billingPackage.isCreditNote() ? CREDIT_MEMO : INVOICE;
    }

    /** A package line's item is its line number times ten; its adjustment is the next number, one higher. */
    @Named("sapItemNumber")
    default String sapItemNumber(ErpLine line) {
        return Integer.toString(line.line().lineNo() * 10 + (line.adjustment() ? 1 : 0));
    }

    /** SAP's unit of measure: {@code H} for hours, {@code EA} for each. */
    default String unit(QuantityUnit unit) {
        return unit == QuantityUnit.HOUR ? HOURS : EACH;
    }

    /** {@code PKG-xxxxxxxx-xxxx-...} (40 characters) as {@code PKGxxxxxxxxxxxx...} (35), without losing a digit. */
    @Named("compactPackageId")
    default String compactPackageId(PackageId id) {
        return id == null ? null : id.value().replace("-", "");
    }
}
