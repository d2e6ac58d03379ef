package io.billwright.simulations.generate;

import io.billwright.events.EventType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SplittableRandom;

/**
 * Corrections of approved time entries, as the timesheet system sends them: the entry again, under a new message
 * id, with other hours, or rejected. A correction after approval comes one to three working days after it, most
 * before the month's close. A correction after billing comes 2 to 18 days after the close that billed the entry
 * (only for entries approved before that close, in a month that has a later close in the data set), so the engine
 * settles it against the invoice and the next close issues the credit note (ADR 0012).
 */
final class TimeEntryCorrections {

    static final int AFTER_APPROVAL_PER_MILLE = 15;
    static final int AFTER_BILLING_PER_MILLE = 10;
    /** Of corrections after billing: the entry rejected (reversed) rather than given other hours. */
    static final int REVERSED_PER_MILLE = 350;
    /** Of corrections with other hours: fewer hours (otherwise more), by a quarter of an hour to two hours. */
    static final int FEWER_HOURS_PER_MILLE = 700;
    private static final String SOURCE = "/hr/timesheets";

    private final YearMonth lastMonth;
    private final Timeline timeline;

    TimeEntryCorrections(GeneratorOptions options, Timeline timeline) {
        this.lastMonth = YearMonth.from(options.lastDay());
        this.timeline = timeline;
    }

    /** Perhaps plans a correction of {@code recorded}, approved at {@code approvedAt}. */
    void plan(RecordedEntry recorded, long approvedAt, String correlation, SplittableRandom random) {
        int draw = random.nextInt(1000);
        if (draw < AFTER_APPROVAL_PER_MILLE) {
            LocalDate day = WorkCalendar.plusWorkdays(Instants.dateOf(approvedAt), Randoms.between(random, 1, 3));
            send(officeHours(day, random), recorded.withQuarters(otherHours(recorded.quarters(), random)), "APPROVED",
                    correlation);
        } else if (draw < AFTER_APPROVAL_PER_MILLE + AFTER_BILLING_PER_MILLE) {
            YearMonth month = YearMonth.from(recorded.date());
            long close = ContractCalendar.closeOpens(month);
            if (!month.isBefore(lastMonth) || approvedAt >= close) {
                return; // not billed by its month's close, or no later close to credit it
            }
            LocalDate day = WorkCalendar.workdayOnOrAfter(Instants.dateOf(close).plusDays(Randoms.between(random, 2, 18)));
            if (Randoms.perMille(random, REVERSED_PER_MILLE)) {
                send(officeHours(day, random), recorded, "REJECTED", correlation);
            } else {
                send(officeHours(day, random), recorded.withQuarters(otherHours(recorded.quarters(), random)),
                        "APPROVED", correlation);
            }
        }
    }

    private static int otherHours(int quarters, SplittableRandom random) {
        int change = Randoms.between(random, 1, 8);
        return Randoms.perMille(random, FEWER_HOURS_PER_MILLE) && quarters - change >= 2 ? quarters - change
                : quarters + change;
    }

    private static long officeHours(LocalDate day, SplittableRandom random) {
        return Instants.at(day, Randoms.between(random, 9, 17), random.nextInt(60), random.nextInt(60));
    }

    private void send(long time, RecordedEntry recorded, String status, String correlation) {
        timeline.plan(time, EventType.TIME_ENTRY_RECORDED, SOURCE, recorded.entry().id(), correlation,
                recorded.as(status));
    }
}
