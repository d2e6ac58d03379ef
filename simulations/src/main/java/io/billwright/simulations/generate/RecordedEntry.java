package io.billwright.simulations.generate;

import java.time.LocalDate;

/**
 * A time entry and the contract it is recorded under, with its date and hours as the planner chose them.
 *
 * @param quarters the hours in quarters of an hour, as in {@link TimeEntryLine#hours()}
 */
record RecordedEntry(String contractId, TimeEntryLine entry, LocalDate date, int quarters) {

    /** The same entry with {@code quarters} hours instead. */
    RecordedEntry withQuarters(int quarters) {
        TimeEntryLine line = entry;
        return new RecordedEntry(contractId, new TimeEntryLine(line.id(), line.person(), line.role(), line.date(),
                Amounts.hours(quarters), line.billable(), line.milestoneId(), line.subcontractor(), line.costRate()),
                date, quarters);
    }

    Payload.TimeEntryPayload as(String status) {
        return new Payload.TimeEntryPayload(contractId, entry, status);
    }
}
