package io.billwright.simulations.generate;

import io.billwright.engine.contract.BillingModel;
import io.billwright.events.EventType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans one person's expense claim for one week, on their main contract: in a week on site, travel, hotel nights
 * and meals, paid in the customer's currency when the customer is abroad (converted by the expense system, though
 * not always); now and then a cost the contract does not re-bill. Claims are submitted at the end of the week and
 * approved by finance some days later; a receipt missing above the threshold is sometimes attached later.
 */
final class ExpensePlanner {

    private static final Currency EURO = Currency.getInstance("EUR");
    private static final String SOURCE = "/finance/expenses";

    private final GeneratorOptions options;
    private final Firm firm;
    private final Timeline timeline;

    ExpensePlanner(GeneratorOptions options, Firm firm, Timeline timeline) {
        this.options = options;
        this.firm = firm;
        this.timeline = timeline;
    }

    void plan(Person person, LocalDate monday, int week) {
        SplittableRandom random = Randoms.stream(options.seed(), 4, person.index(), week);
        Engagement contract = firm.engagement(person.primary());
        List<LocalDate> days = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            LocalDate date = monday.plusDays(day);
            if (!date.isBefore(options.firstDay()) && !date.isAfter(options.lastDay()) && contract.activeOn(date)) {
                days.add(date);
            }
        }
        if (days.isEmpty()) {
            return;
        }
        Claim claim = new Claim(person, contract, random);
        if (Randoms.perMille(random, 200)) {
            boolean abroad = !contract.customer().country().equals(contract.seller().country());
            Currency paidIn = abroad ? contract.customer().currency() : contract.currency();
            claim.add(days.get(0), "TRAVEL", abroad ? Randoms.between(random, 180, 650) : Randoms.between(random, 45, 220),
                    paidIn, abroad ? "Flight" : "Train");
            int nights = Math.min(days.size() - 1, 3);
            for (int night = 0; night < nights; night++) {
                claim.add(days.get(night), "LODGING", Randoms.between(random, 95, 240), paidIn, "Hotel, 1 night");
            }
            int meals = Randoms.between(random, 0, 2);
            for (int meal = 0; meal < meals; meal++) {
                claim.add(Randoms.pick(random, days), "MEALS", Randoms.between(random, 12, 70), paidIn, "Business meal");
            }
            if (random.nextBoolean()) {
                claim.add(days.get(days.size() - 1), "TRAVEL", Randoms.between(random, 20, 180), paidIn, "Taxi");
            }
        }
        if (Randoms.perMille(random, 30)) {
            claim.add(days.get(0), "SOFTWARE", Randoms.between(random, 15, 120), contract.currency(),
                    "Software licence");
        }
        claim.plan(monday);
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
        void add(LocalDate date, String category, int euros, Currency paidIn, String description) {
            BigDecimal inEuros = BigDecimal.valueOf(euros * 100L + random.nextInt(100), 2);
            BigDecimal amount = ReferenceRates.convert(inEuros, EURO, paidIn);
            BigDecimal converted = null;
            if (!paidIn.equals(contract.currency()) && !Randoms.perMille(random, 70)) {
                converted = ReferenceRates.convert(amount, paidIn, contract.currency());
            }
            String milestone = contract.model() == BillingModel.MILESTONE ? contract.milestoneOn(date) : null;
            String id = "EX-" + TimesheetPlanner.compact(date) + "-" + person.id() + "-" + (lines.size() + 1);
            lines.add(new ExpenseLine(id, date.toString(), category, amount, paidIn, converted, milestone, description));
            receipts.add(!Randoms.perMille(random, 70));
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
            if (Randoms.perMille(random, 3)) {
                return; // finance never gets to it: held as awaiting approval
            }
            long approved = Instants.at(WorkCalendar.plusWorkdays(submittedOn, Randoms.between(random, 2, 6)),
                    Randoms.between(random, 10, 16), random.nextInt(60), random.nextInt(60));
            for (int i = 0; i < lines.size(); i++) {
                boolean rejected = Randoms.perMille(random, 20);
                send(approved + 7L * i, lines.get(i), rejected ? "REJECTED" : "APPROVED", receipts.get(i), correlation);
                if (!rejected && !receipts.get(i) && random.nextInt(10) < 6) {
                    long attached = approved + 86_400L * Randoms.between(random, 4, 15) + random.nextInt(3_600);
                    send(attached, lines.get(i), "APPROVED", true, correlation);
                }
            }
        }

        private void send(long time, ExpenseLine line, String status, boolean receipt, String correlation) {
            timeline.plan(time, EventType.EXPENSE_RECORDED, SOURCE, line.id(), correlation,
                    new Payload.ExpensePayload(contract.id(), line, status, receipt));
        }
    }
}
