package io.billwright.messaging.erp;

import io.billwright.engine.billing.PackageLine;
import io.billwright.engine.billing.PackageTotals;
import io.billwright.engine.billing.Trigger;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import java.util.List;

/** Maps the Billwright header that every ERP payload carries. */
@Mapper(config = ErpMapperConfig.class, uses = ErpValues.class)
public interface PackageHeaderMapper {

    @Mapping(target = "packageId", source = "billingPackage.id.value")
    @Mapping(target = "contractId", source = "billingPackage.contractId.value")
    @Mapping(target = "contractVersion", source = "billingPackage.contractVersion")
    @Mapping(target = "trigger", source = "billingPackage.trigger")
    @Mapping(target = "ruleSetVersion", source = "billingPackage.ruleSetVersion")
    @Mapping(target = "correlationId", source = "correlationId")
    @Mapping(target = "priorPeriodItems", source = "billingPackage.lines", qualifiedByName = "priorPeriodItems")
    @Mapping(target = "totals", source = "billingPackage.totals")
    @Mapping(target = "creditedPackageId", source = "billingPackage.credits.value")
    PackageHeader toHeader(IssuedPackage source);

    /** The items billed late, on the package after their own period's. */
    @Named("priorPeriodItems")
    default List<String> priorPeriodItems(List<PackageLine> lines) {
        return lines.stream().filter(PackageLine::priorPeriod).map(PackageLine::itemId).toList();
    }

    PackageTrigger toTrigger(Trigger trigger);

    @Mapping(target = "currency", source = "net.currency")
    PackageAmounts toAmounts(PackageTotals totals);
}
