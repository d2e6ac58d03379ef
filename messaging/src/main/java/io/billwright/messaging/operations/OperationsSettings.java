package io.billwright.messaging.operations;

import java.time.Duration;

/**
 * @param unacknowledgedAfter   a package the broker confirmed with no word from the ERP after this long is
 *                              reported unacknowledged
 * @param gaugeRefresh          how often the business gauges are read
 * @param deadLetterBrowseLimit how many parked messages a list or replay looks at, at most
 * @param deadLetterReasonsEvery how often, at most, the depth gauge browses the parked messages for their reasons
 */
public record OperationsSettings(Duration unacknowledgedAfter, Duration gaugeRefresh, int deadLetterBrowseLimit,
                                 Duration deadLetterReasonsEvery) {
}
