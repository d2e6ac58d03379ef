package io.billwright.messaging.erp;

import org.mapstruct.InjectionStrategy;
import org.mapstruct.MapperConfig;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/**
 * The settings every ERP mapper shares: Spring beans with constructor injection, and a build that fails
 * when a payload field has no source ({@code unmappedTargetPolicy = ERROR}), so a field added to a
 * payload can never go out silently empty. Lossy conversions (a decimal into an int) fail the build too.
 */
@MapperConfig(componentModel = MappingConstants.ComponentModel.SPRING,
        injectionStrategy = InjectionStrategy.CONSTRUCTOR,
        unmappedTargetPolicy = ReportingPolicy.ERROR,
        typeConversionPolicy = ReportingPolicy.ERROR)
public interface ErpMapperConfig {
}
