package io.billwright.messaging.erp;

import io.billwright.engine.billing.PackageLine;
import io.billwright.engine.billing.PackageId;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.item.ItemKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

/** Maps an issued package to a {@link SapBillingDocumentRequest}. */
@Mapper(config = ErpMapperConfig.class, uses = {PackageHeaderMapper.class, ErpValues.class, TaxCodes.class})
public interface SapBillingDocumentRequestMapper {

    /** SAP's invoice billing type. */
    String INVOICE = "F2";
    String HOURS = "H";
    String EACH = "EA";
    Set<ItemKind> BILLED_BY_THE_HOUR = Set.of(ItemKind.TIME, ItemKind.SUBCONTRACTOR_TIME, ItemKind.RETAINER_OVERAGE);

    @Mapping(target = "header", source = "source")
    @Mapping(target = "billingDocumentType", constant = INVOICE)
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

    @Mapping(target = "billingDocumentItem", source = "lineNo", qualifiedByName = "itemNumber")
    @Mapping(target = "product", source = "kind")
    @Mapping(target = "billingDocumentItemText", source = "description", defaultValue = "")
    @Mapping(target = "billingQuantity", source = "quantity")
    @Mapping(target = "billingQuantityUnit", source = "kind", qualifiedByName = "unit")
    @Mapping(target = "netAmount", source = "net")
    @Mapping(target = "taxCode", source = "line", qualifiedByName = "taxCode")
    @Mapping(target = "taxAmount", source = "tax")
    SapBillingDocumentRequestItem item(PackageLine line, @Context Contract contract);

    @Mapping(target = "billingDocumentItem", source = "lineNo", qualifiedByName = "itemNumber")
    @Mapping(target = "product", constant = "RETENTION")
    @Mapping(target = "billingDocumentItemText", source = "description")
    @Mapping(target = "billingQuantity", constant = "1")
    @Mapping(target = "billingQuantityUnit", constant = EACH)
    @Mapping(target = "netAmount", source = "amount")
    @Mapping(target = "taxCode", source = "taxCode")
    @Mapping(target = "taxAmount", source = "tax")
    SapBillingDocumentRequestItem retentionItem(RetentionDeduction deduction);

    @Named("items")
    default List<SapBillingDocumentRequestItem> items(IssuedPackage source) {
        List<SapBillingDocumentRequestItem> items = new ArrayList<>();
        source.billingPackage().lines().forEach(line -> items.add(item(line, source.contract())));
        RetentionDeduction.of(source.billingPackage()).map(this::retentionItem).ifPresent(items::add);
        return items;
    }

    /** SAP numbers items in steps of ten. */
    @Named("itemNumber")
    default String itemNumber(int lineNo) {
        return Integer.toString(lineNo * 10);
    }

    @Named("unit")
    default String unit(ItemKind kind) {
        return BILLED_BY_THE_HOUR.contains(kind) ? HOURS : EACH;
    }

    /** {@code PKG-xxxxxxxx-xxxx-...} (40 characters) as {@code PKGxxxxxxxxxxxx...} (35), without losing a digit. */
    @Named("compactPackageId")
    default String compactPackageId(PackageId id) {
        return id.value().replace("-", "");
    }
}
