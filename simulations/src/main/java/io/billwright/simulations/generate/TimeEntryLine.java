package io.billwright.simulations.generate;

import java.math.BigDecimal;

/**
 * A time entry as the timesheet system holds it; its messages differ only in status.
 *
 * @param milestoneId the milestone the work belongs to, or null
 * @param costRate    a subcontractor's hourly cost, or null
 */
record TimeEntryLine(String id, String person, String role, String date, String hours, boolean billable,
                     String milestoneId, boolean subcontractor, BigDecimal costRate) {
}
