package io.billwright.simulations.generate;

import io.billwright.events.EventType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SplittableRandom;

/**
 * Plans what happens to each contract as a whole: its versions arriving from the CRM, its milestones completed and
 * accepted, its billing periods closed on the third working day of the next month (after that month's approvals
 * have mostly arrived), and, for the contracts that end with the data set, their completion.
 */
final class ContractCalendar {

    /** How long after {@link #closeOpens} the last contract's close of a month is sent, in seconds. */
    static final long CLOSE_WINDOW = 2 * 3_600L;

    private final GeneratorOptions options;
    private final Timeline timeline;

    ContractCalendar(GeneratorOptions options, Timeline timeline) {
        this.options = options;
        this.timeline = timeline;
    }

    /**
     * The moment the first close of {@code month} is sent: 06:00 UTC on the third working day of the next month.
     * Every contract's close of the month follows within {@link #CLOSE_WINDOW} seconds.
     */
    static long closeOpens(YearMonth month) {
        return Instants.at(WorkCalendar.businessDay(month.plusMonths(1), 3), 6, 0, 0);
    }

    void plan(Engagement contract) {
        SplittableRandom random = Randoms.stream(options.seed(), 2, contract.index());
        String id = contract.id();
        for (ContractVersion version : contract.versions()) {
            String subject = id + "/v" + version.version();
            timeline.plan(version.sentAt(), EventType.CONTRACT_RECEIVED, "/crm/contracts", subject,
                    "crm-" + subject.replace('/', '-'), new Payload.ContractPayload(contract, version));
        }
        for (Engagement.Milestone milestone : contract.milestones()) {
            String subject = id + "/" + milestone.id();
            String correlation = "ms-" + id + "-" + milestone.id();
            timeline.plan(Instants.at(milestone.due(), Randoms.between(random, 15, 18), random.nextInt(60),
                    random.nextInt(60)), EventType.MILESTONE_COMPLETED, "/pm/milestones", subject, correlation,
                    new Payload.MilestonePayload(id, milestone.id(), milestone.due()));
            if (milestone.acceptanceDelay() >= 0) {
                LocalDate accepted = WorkCalendar.workdayOnOrAfter(milestone.due().plusDays(milestone.acceptanceDelay()));
                timeline.plan(Instants.at(accepted, Randoms.between(random, 9, 17), random.nextInt(60),
                        random.nextInt(60)), EventType.MILESTONE_ACCEPTED, "/portal/acceptances", subject, correlation,
                        new Payload.MilestonePayload(id, milestone.id(), accepted));
            }
        }
        long lastClose = Long.MIN_VALUE;
        for (YearMonth month : options.monthList()) {
            if (month.atEndOfMonth().isBefore(contract.start())
                    || (contract.endDate() != null && month.atDay(1).isAfter(contract.endDate()))) {
                continue;
            }
            lastClose = closeOpens(month) + 60L * (contract.index() % 120) + random.nextInt(60);
            timeline.plan(lastClose, EventType.PERIOD_CLOSED, "/finance/billing-calendar", month.toString(),
                    "close-" + month + "-" + id, new Payload.PeriodPayload(id, month));
        }
        if (contract.completes() && lastClose != Long.MIN_VALUE) {
            LocalDate day = WorkCalendar.workdayOnOrAfter(Instants.dateOf(lastClose).plusDays(Randoms.between(random, 2, 10)));
            timeline.plan(Instants.at(day, Randoms.between(random, 9, 17), random.nextInt(60), random.nextInt(60)),
                    EventType.CONTRACT_COMPLETED, "/crm/contracts", id, "complete-" + id,
                    new Payload.CompletionPayload(id, contract.endDate()));
        }
    }
}
