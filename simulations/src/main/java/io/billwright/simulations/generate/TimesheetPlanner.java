package io.billwright.simulations.generate;

import io.billwright.engine.contract.BillingModel;
import io.billwright.events.EventType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans one person's timesheet for one week: an entry per contract per working day (absence, split days, overtime
 * and a few mistakes included), now and then a weekend day or a public holiday worked (see {@link WorkPattern}).
 * The week is submitted at the end of the week (a worked weekend day on that day's evening), some on the Monday
 * after, a few weeks later; it is approved a few working days after submission. A few entries are rejected, a few
 * weeks are approved weeks late (after their month closed) and a very few never; a few approved entries are
 * corrected afterwards ({@link TimeEntryCorrections}).
 */
final class TimesheetPlanner {

    /** Days worked on two contracts: some hours on each. */
    static final int SPLIT_DAY_PER_MILLE = 300;
    /** Weeks submitted on the Monday after. */
    static final int MONDAY_SUBMISSION_PER_MILLE = 120;
    /** Weeks submitted 10 to 42 days after their Friday (many after their month's close). */
    static final int LATE_SUBMISSION_PER_MILLE = 30;
    /** Weeks the approver never gets to, and weeks approved 10 to 30 days after submission. */
    static final int NEVER_APPROVED_PER_MILLE = 2;
    static final int LATE_APPROVAL_PER_MILLE = 38;
    static final int REJECTED_PER_MILLE = 15;

    private static final BigDecimal SUBCONTRACTOR_COST_SHARE = new BigDecimal("0.70");
    private static final String SOURCE = "/hr/timesheets";

    private final GeneratorOptions options;
    private final Firm firm;
    private final Timeline timeline;
    private final PublicHolidays holidays = new PublicHolidays();
    private final TimeEntryCorrections corrections;
    private final DayLabels labels;
    private final LocalDate firstDay;
    private final LocalDate lastDay;

    TimesheetPlanner(GeneratorOptions options, Firm firm, Timeline timeline, DayLabels labels) {
        this.options = options;
        this.labels = labels;
        this.firstDay = options.firstDay();
        this.lastDay = options.lastDay();
        this.firm = firm;
        this.timeline = timeline;
        this.corrections = new TimeEntryCorrections(options, timeline);
    }

    void plan(Person person, LocalDate monday, int week) {
        SplittableRandom random = Randoms.stream(options.seed(), 3, person.index(), week);
        List<RecordedEntry> entries = new ArrayList<>();
        Engagement primary = firm.engagement(person.primary());
        Engagement secondary = person.hasSecondary() ? firm.engagement(person.secondary()) : null;
        String country = primary.seller().country();
        for (int day = 0; day < 7; day++) {
            LocalDate date = monday.plusDays(day);
            if (date.isBefore(firstDay) || date.isAfter(lastDay)) {
                continue;
            }
            boolean onPrimary = primary.activeOn(date);
            boolean onSecondary = secondary != null && secondary.activeOn(date);
            if (!onPrimary && !onSecondary) {
                continue;
            }
            Engagement main = onPrimary ? primary : secondary;
            boolean nearDeadline = WorkPattern.nearDeadline(main, date);
            if (day >= 5 || holidays.isHoliday(country, date)) {
                if (WorkPattern.worksDayOff(person, nearDeadline, random)) {
                    entries.add(entry(person, main, date, WorkPattern.dayOff(random), random));
                }
            } else if (WorkPattern.absent(random)) {
                continue;
            } else if (onPrimary && onSecondary && Randoms.perMille(random, SPLIT_DAY_PER_MILLE)) {
                entries.add(entry(person, primary, date, Randoms.between(random, 16, 20), random));
                entries.add(entry(person, secondary, date, Randoms.between(random, 12, 16), random));
            } else {
                entries.add(entry(person, main, date, WorkPattern.workday(nearDeadline, random), random));
            }
        }
        if (!entries.isEmpty()) {
            submitAndApprove(person, monday, entries, random);
        }
    }

    private void submitAndApprove(Person person, LocalDate monday, List<RecordedEntry> entries,
                                  SplittableRandom random) {
        String correlation = "ts-" + person.id() + "-" + monday;
        int timing = random.nextInt(1000);
        LocalDate submittedOn = timing < LATE_SUBMISSION_PER_MILLE
                ? WorkCalendar.workdayOnOrAfter(monday.plusDays(4 + Randoms.between(random, 10, 42)))
                : timing < LATE_SUBMISSION_PER_MILLE + MONDAY_SUBMISSION_PER_MILLE ? monday.plusDays(7)
                : monday.plusDays(4);
        long submitted = submittedOn.getDayOfWeek() == DayOfWeek.FRIDAY
                ? Instants.at(submittedOn, Randoms.between(random, 15, 19), random.nextInt(60), random.nextInt(60))
                : Instants.at(submittedOn, Randoms.between(random, 8, 10), random.nextInt(60), random.nextInt(60));
        for (int i = 0; i < entries.size(); i++) {
            RecordedEntry recorded = entries.get(i);
            // a weekend day worked after the week was submitted is sent that evening
            long at = recorded.date().isAfter(submittedOn)
                    ? Instants.at(recorded.date(), Randoms.between(random, 18, 21), random.nextInt(60), random.nextInt(60))
                    : submitted + 3L * i;
            timeline.plan(at, EventType.TIME_ENTRY_RECORDED, SOURCE, recorded.entry().id(), correlation,
                    recorded.as("SUBMITTED"));
        }
        int outcome = random.nextInt(1000);
        if (outcome < NEVER_APPROVED_PER_MILLE) {
            return; // the approver never gets to it: held as awaiting approval
        }
        LocalDate approvedOn = outcome < NEVER_APPROVED_PER_MILLE + LATE_APPROVAL_PER_MILLE
                ? WorkCalendar.workdayOnOrAfter(submittedOn.plusDays(Randoms.between(random, 10, 30)))
                : WorkCalendar.plusWorkdays(submittedOn, Randoms.between(random, 1, 3));
        long approved = Instants.at(approvedOn, Randoms.between(random, 9, 17), random.nextInt(60), random.nextInt(60));
        for (int i = 0; i < entries.size(); i++) {
            RecordedEntry recorded = entries.get(i);
            boolean rejected = Randoms.perMille(random, REJECTED_PER_MILLE);
            long at = approved + 5L * i;
            timeline.plan(at, EventType.TIME_ENTRY_RECORDED, SOURCE, recorded.entry().id(), correlation,
                    recorded.as(rejected ? "REJECTED" : "APPROVED"));
            if (!rejected) {
                corrections.plan(recorded, at, correlation, random);
            }
        }
    }

    private RecordedEntry entry(Person person, Engagement contract, LocalDate date, int quarters,
                                SplittableRandom random) {
        // a role name the rate card does not know (an HR title typed in by hand): held for the rate
        String role = Randoms.perMille(random, 3) ? "SENIOR_CONSULTANT" : person.role().name();
        boolean billable = !Randoms.perMille(random, 20);
        String milestone = contract.model() == BillingModel.MILESTONE ? contract.milestoneOn(date) : null;
        BigDecimal costRate = null;
        if (person.subcontractor() && !(contract.subcontractorMarkup() != null && Randoms.perMille(random, 20))) {
            costRate = contract.versionOn(date).rate(person.role()).multiply(SUBCONTRACTOR_COST_SHARE)
                    .setScale(2, RoundingMode.HALF_EVEN);
        }
        String id = "TE-" + labels.compact(date) + "-" + person.id();
        return new RecordedEntry(contract.id(), new TimeEntryLine(id, person.id(), role, labels.iso(date),
                Amounts.hours(quarters), billable, milestone, person.subcontractor(), costRate), date, quarters);
    }
}
