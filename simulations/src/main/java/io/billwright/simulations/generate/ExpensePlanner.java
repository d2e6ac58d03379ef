package io.billwright.simulations.generate;

import io.billwright.engine.contract.BillingModel;
import io.billwright.events.EventType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans one person's expense claim for one week, on their main contract: in a week on site (a trip), travel, one
 * to four hotel nights, meals (some two on a day) and a taxi, paid in the customer's currency when the customer is
 * abroad (converted by the expense system, though not always); now and then a cost the contract does not re-bill.
 * Hotel nights are priced against the contract's nightly limit: most well under it, some just under, some over.
 * Every expense names its person, and a trip's expenses their trip. Claims are submitted at the end of the week
 * and approved by finance some days later; a receipt missing above the threshold is sometimes attached later, and
 * now and then finance reverses an expense after it was billed.
 */
final class ExpensePlanner {

    static final int TRIP_WEEK_PER_MILLE = 200;
    static final int SOFTWARE_PER_MILLE = 30;
    /** Hotel nights just under the contract's nightly limit (90 to 99 %), and over it (up to 130 %). */
    static final int NEAR_LIMIT_PER_MILLE = 200;
    static final int OVER_LIMIT_PER_MILLE = 100;
    static final int NO_RECEIPT_PER_MILLE = 70;
    /** Of missing receipts (on approved expenses), those attached later, in tenths. */
    static final int RECEIPT_LATER_IN_TEN = 6;
    static final int NOT_CONVERTED_PER_MILLE = 70;
    static final int NEVER_APPROVED_PER_MILLE = 3;
    static final int REJECTED_PER_MILLE = 20;
    /** Approved expenses (with their receipt) reversed 2 to 18 days after the close that billed them. */
    static final int REVERSED_AFTER_BILLING_PER_MILLE = 5;

    private static final Currency EURO = Currency.getInstance("EUR");
    private static final int NIGHTLY_EUROS_WITHOUT_LIMIT = 200;
    private static final String SOURCE = "/finance/expenses";

    private final GeneratorOptions options;
    private final Firm firm;
    private final Timeline timeline;
    private final YearMonth lastMonth;
    private final DayLabels labels;
    private final LocalDate firstDay;
    private final LocalDate lastDay;

    ExpensePlanner(GeneratorOptions options, Firm firm, Timeline timeline, DayLabels labels) {
        this.options = options;
        this.labels = labels;
        this.firstDay = options.firstDay();
        this.lastDay = options.lastDay();
        this.firm = firm;
        this.timeline = timeline;
        this.lastMonth = YearMonth.from(options.lastDay());
    }

    void plan(Person person, LocalDate monday, int week) {
        SplittableRandom random = Randoms.stream(options.seed(), 4, person.index(), week);
        Engagement contract = firm.engagement(person.primary());
        List<LocalDate> days = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            LocalDate date = monday.plusDays(day);
            if (!date.isBefore(firstDay) && !date.isAfter(lastDay) && contract.activeOn(date)) {
                days.add(date);
            }
        }
        if (days.isEmpty()) {
            return;
        }
        Claim claim = new Claim(person, contract, random);
        if (Randoms.perMille(random, TRIP_WEEK_PER_MILLE)) {
            trip(claim, contract, days, "TR-" + person.id() + "-" + labels.compact(monday), random);
        }
        if (Randoms.perMille(random, SOFTWARE_PER_MILLE)) {
            claim.add(days.get(0), "SOFTWARE", Randoms.between(random, 15, 120), contract.currency(),
                    "Software licence", null);
        }
        claim.plan(monday);
    }

    private void trip(Claim claim, Engagement contract, List<LocalDate> days, String trip, SplittableRandom random) {
        boolean abroad = !contract.customer().country().equals(contract.seller().country());
        Currency paidIn = abroad ? contract.customer().currency() : contract.currency();
        claim.add(days.get(0), "TRAVEL", abroad ? Randoms.between(random, 180, 650) : Randoms.between(random, 45, 220),
                paidIn, abroad ? "Flight" : "Train", trip);
        int nightly = nightlyLimitInEuros(contract);
        int nights = Math.min(days.size() - 1, Randoms.between(random, 1, 4));
        for (int night = 0; night < nights; night++) {
            claim.add(days.get(night), "LODGING", hotelNight(nightly, random), paidIn, "Hotel, 1 night", trip);
        }
        int meals = Randoms.between(random, 0, 3);
        LocalDate mealDay = null;
        for (int meal = 0; meal < meals; meal++) {
            mealDay = mealDay != null && random.nextBoolean() ? mealDay : Randoms.pick(random, days);
            claim.add(mealDay, "MEALS", Randoms.between(random, 12, 70), paidIn, "Business meal", trip);
        }
        if (random.nextBoolean()) {
            claim.add(days.get(days.size() - 1), "TRAVEL", Randoms.between(random, 20, 180), paidIn, "Taxi", trip);
        }
    }

    /** A hotel night in euros: mostly 95 to 170, some just under the nightly limit, some over it. */
    private static int hotelNight(int limit, SplittableRandom random) {
        int draw = random.nextInt(1000);
        if (draw < OVER_LIMIT_PER_MILLE) {
            return Randoms.between(random, limit + 1, limit * 130 / 100);
        }
        if (draw < OVER_LIMIT_PER_MILLE + NEAR_LIMIT_PER_MILLE) {
            return Randoms.between(random, limit * 90 / 100, limit * 99 / 100 - 1);
        }
        return Randoms.between(random, 95, 170);
    }

    private static int nightlyLimitInEuros(Engagement contract) {
        Engagement.ExpenseRules rules = contract.expenseRules();
        BigDecimal limit = rules == null ? null : rules.limits().get("LODGING");
        return limit == null ? NIGHTLY_EUROS_WITHOUT_LIMIT
                : ReferenceRates.convert(limit, contract.currency(), EURO).intValue();
    }

    /** The expenses of one claim, and how they travel through approval. */
    private final class Claim {
        private final Person person;
        private final Engagement contract;
        private final SplittableRandom random;
        private final List<ExpenseLine> lines = new ArrayList<>();
        private final List<Boolean> receipts = new ArrayList<>();

        Claim(Person person, Engagement contract, SplittableRandom random) {
            this.person = person;
            this.contract = contract;
            this.random = random;
        }

        /** An expense of about {@code euros} euros (and random cents), paid in {@code paidIn}. */
        void add(LocalDate date, String category, int euros, Currency paidIn, String description, String trip) {
            BigDecimal inEuros = BigDecimal.valueOf(euros * 100L + random.nextInt(100), 2);
            BigDecimal amount = ReferenceRates.convert(inEuros, EURO, paidIn);
            BigDecimal converted = null;
            if (!paidIn.equals(contract.currency()) && !Randoms.perMille(random, NOT_CONVERTED_PER_MILLE)) {
                converted = ReferenceRates.convert(amount, paidIn, contract.currency());
            }
            String milestone = contract.model() == BillingModel.MILESTONE ? contract.milestoneOn(date) : null;
            String id = "EX-" + labels.compact(date) + "-" + person.id() + "-" + (lines.size() + 1);
            lines.add(new ExpenseLine(id, labels.iso(date), category, amount, paidIn, converted, milestone, description,
                    person.id(), trip));
            receipts.add(!Randoms.perMille(random, NO_RECEIPT_PER_MILLE));
        }

        void plan(LocalDate monday) {
            if (lines.isEmpty()) {
                return;
            }
            String correlation = "exp-" + person.id() + "-" + monday;
            LocalDate submittedOn = monday.plusDays(Randoms.perMille(random, 200) ? 5 : 4);
            long submitted = Instants.at(submittedOn, Randoms.between(random, 17, 21), random.nextInt(60),
                    random.nextInt(60));
            for (int i = 0; i < lines.size(); i++) {
                send(submitted + 7L * i, lines.get(i), "SUBMITTED", receipts.get(i), correlation);
            }
            if (Randoms.perMille(random, NEVER_APPROVED_PER_MILLE)) {
                return; // finance never gets to it: held as awaiting approval
            }
            long approved = Instants.at(WorkCalendar.plusWorkdays(submittedOn, Randoms.between(random, 2, 6)),
                    Randoms.between(random, 10, 16), random.nextInt(60), random.nextInt(60));
            for (int i = 0; i < lines.size(); i++) {
                ExpenseLine line = lines.get(i);
                boolean rejected = Randoms.perMille(random, REJECTED_PER_MILLE);
                send(approved + 7L * i, line, rejected ? "REJECTED" : "APPROVED", receipts.get(i), correlation);
                if (rejected) {
                    continue;
                }
                if (!receipts.get(i)) {
                    if (random.nextInt(10) < RECEIPT_LATER_IN_TEN) {
                        long attached = approved + 86_400L * Randoms.between(random, 4, 15) + random.nextInt(3_600);
                        send(attached, line, "APPROVED", true, correlation);
                    }
                } else if (Randoms.perMille(random, REVERSED_AFTER_BILLING_PER_MILLE)) {
                    reverseAfterBilling(line, approved + 7L * i, correlation);
                }
            }
        }

        /** Finance reverses the expense after the close that billed it, when a later close can credit it. */
        private void reverseAfterBilling(ExpenseLine line, long approvedAt, String correlation) {
            YearMonth month = YearMonth.parse(line.date().substring(0, 7));
            long close = ContractCalendar.closeOpens(month);
            if (!month.isBefore(lastMonth) || approvedAt >= close) {
                return;
            }
            LocalDate day = WorkCalendar.workdayOnOrAfter(Instants.dateOf(close).plusDays(Randoms.between(random, 2, 18)));
            send(Instants.at(day, Randoms.between(random, 10, 16), random.nextInt(60), random.nextInt(60)), line,
                    "REJECTED", true, correlation);
        }

        private void send(long time, ExpenseLine line, String status, boolean receipt, String correlation) {
            timeline.plan(time, EventType.EXPENSE_RECORDED, SOURCE, line.id(), correlation,
                    new Payload.ExpensePayload(contract.id(), line, status, receipt));
        }
    }
}
