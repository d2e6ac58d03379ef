package io.billwright.simulations.generate;

import io.billwright.engine.contract.BillingModel;
import io.billwright.events.EventType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans one person's timesheet for one week: an entry per contract per working day (absence, split days and a
 * few mistakes included), submitted at the end of the week and approved a few working days later; a few entries
 * are rejected, a few weeks are approved weeks late (after their month closed) and a very few never.
 */
final class TimesheetPlanner {

    private static final int[] FULL_DAY_QUARTERS = {28, 30, 30, 32, 32, 32, 32, 34, 36};
    private static final BigDecimal SUBCONTRACTOR_COST_SHARE = new BigDecimal("0.70");
    private static final String SOURCE = "/hr/timesheets";

    private final GeneratorOptions options;
    private final Firm firm;
    private final Timeline timeline;

    TimesheetPlanner(GeneratorOptions options, Firm firm, Timeline timeline) {
        this.options = options;
        this.firm = firm;
        this.timeline = timeline;
    }

    /** A time entry and the contract it is recorded under. */
    private record Recorded(String contractId, TimeEntryLine entry) {
    }

    void plan(Person person, LocalDate monday, int week) {
        SplittableRandom random = Randoms.stream(options.seed(), 3, person.index(), week);
        List<Recorded> entries = new ArrayList<>();
        Engagement primary = firm.engagement(person.primary());
        Engagement secondary = person.hasSecondary() ? firm.engagement(person.secondary()) : null;
        for (int day = 0; day < 5; day++) {
            LocalDate date = monday.plusDays(day);
            if (date.isBefore(options.firstDay()) || date.isAfter(options.lastDay()) || Randoms.perMille(random, 70)) {
                continue;
            }
            boolean onPrimary = primary.activeOn(date);
            boolean onSecondary = secondary != null && secondary.activeOn(date);
            if (onPrimary && onSecondary && Randoms.perMille(random, 300)) {
                entries.add(entry(person, primary, date, Randoms.between(random, 16, 20), random));
                entries.add(entry(person, secondary, date, Randoms.between(random, 12, 16), random));
            } else if (onPrimary || onSecondary) {
                int quarters = FULL_DAY_QUARTERS[random.nextInt(FULL_DAY_QUARTERS.length)];
                entries.add(entry(person, onPrimary ? primary : secondary, date, quarters, random));
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        String correlation = "ts-" + person.id() + "-" + monday;
        LocalDate friday = monday.plusDays(4);
        long submitted = Randoms.perMille(random, 120)
                ? Instants.at(monday.plusDays(7), Randoms.between(random, 8, 10), random.nextInt(60), random.nextInt(60))
                : Instants.at(friday, Randoms.between(random, 15, 19), random.nextInt(60), random.nextInt(60));
        for (int i = 0; i < entries.size(); i++) {
            Recorded recorded = entries.get(i);
            timeline.plan(submitted + 3L * i, EventType.TIME_ENTRY_RECORDED, SOURCE, recorded.entry().id(), correlation,
                    new Payload.TimeEntryPayload(recorded.contractId(), recorded.entry(), "SUBMITTED"));
        }
        int outcome = random.nextInt(1000);
        if (outcome < 2) {
            return; // the approver never gets to it: held as awaiting approval
        }
        LocalDate submittedOn = Instants.dateOf(submitted);
        LocalDate approvedOn = outcome < 40 ? WorkCalendar.workdayOnOrAfter(submittedOn.plusDays(Randoms.between(random, 10, 30)))
                : WorkCalendar.plusWorkdays(submittedOn, Randoms.between(random, 1, 3));
        long approved = Instants.at(approvedOn, Randoms.between(random, 9, 17), random.nextInt(60), random.nextInt(60));
        for (int i = 0; i < entries.size(); i++) {
            Recorded recorded = entries.get(i);
            String status = Randoms.perMille(random, 15) ? "REJECTED" : "APPROVED";
            timeline.plan(approved + 5L * i, EventType.TIME_ENTRY_RECORDED, SOURCE, recorded.entry().id(), correlation,
                    new Payload.TimeEntryPayload(recorded.contractId(), recorded.entry(), status));
        }
    }

    private Recorded entry(Person person, Engagement contract, LocalDate date, int quarters, SplittableRandom random) {
        // a role name the rate card does not know (an HR title typed in by hand): held for the rate
        String role = Randoms.perMille(random, 3) ? "SENIOR_CONSULTANT" : person.role().name();
        boolean billable = !Randoms.perMille(random, 20);
        String milestone = contract.model() == BillingModel.MILESTONE ? contract.milestoneOn(date) : null;
        BigDecimal costRate = null;
        if (person.subcontractor() && !(contract.subcontractorMarkup() != null && Randoms.perMille(random, 20))) {
            costRate = contract.versionOn(date).rate(person.role()).multiply(SUBCONTRACTOR_COST_SHARE)
                    .setScale(2, RoundingMode.HALF_EVEN);
        }
        String id = "TE-" + compact(date) + "-" + person.id();
        return new Recorded(contract.id(), new TimeEntryLine(id, person.id(), role, date.toString(),
                Amounts.hours(quarters), billable, milestone, person.subcontractor(), costRate));
    }

    static String compact(LocalDate date) {
        int value = date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
        return Integer.toString(value);
    }
}
