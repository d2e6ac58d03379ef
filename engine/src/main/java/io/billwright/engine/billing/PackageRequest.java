package io.billwright.engine.billing;

import io.billwright.engine.contract.Contract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a package is assembled from.
 *
 * @param sequence          1 for the first package of this trigger, 2 for the next
 * @param withheldToDate    retention withheld so far under the contract
 * @param releasesRetention true for the package that releases retention on completion
 * @param withholds         false once the contract completed: retention is then neither withheld nor owed
 */
public record PackageRequest(Contract contract, Trigger trigger, int sequence, LocalDate issueDate,
                             List<LineSource> lines, BigDecimal withheldToDate, boolean releasesRetention,
                             boolean withholds, String triggeringEvent) {
    public PackageRequest {
        lines = List.copyOf(lines);
    }
}
