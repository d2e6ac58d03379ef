package io.billwright.simulations.generate;

import io.billwright.engine.contract.BillingModel;
import io.billwright.engine.contract.ErpTarget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The terms of a contract, priced from its staffing so that fees, caps and included hours are in proportion to
 * the work: most caps hold, about one in seven is reached; retainers include roughly the hours their team works.
 */
final class TermsFactory {

    private static final List<ErpTarget> ERPS = List.of(ErpTarget.values());
    private static final List<String> MILESTONE_NAMES = List.of("Discovery", "Design", "Build", "Test", "Rollout",
            "Hypercare", "Handover");
    private static final List<String> MARKUPS = List.of("8", "10", "12", "15");
    private static final Currency EURO = Currency.getInstance("EUR");
    /** Of time-and-materials contracts running over a close: an amendment backdated into a billed month. */
    static final int BACKDATED_AMENDMENT_PER_MILLE = 100;
    /** Of backdated amendments: lower rates (a discount agreed late) rather than higher. */
    static final int BACKDATED_DISCOUNT_PER_MILLE = 350;
    /** Of expense policies that re-bill meals: a per-person daily limit (per diem) on them. */
    static final int DAILY_MEALS_LIMIT_PER_MILLE = 500;
    /** Of expense policies: limits per trip, three nightly limits for hotels and 700 euros for travel. */
    static final int TRIP_LIMITS_PER_MILLE = 350;

    private final GeneratorOptions options;
    private final SplittableRandom random;

    TermsFactory(GeneratorOptions options, SplittableRandom random) {
        this.options = options;
        this.random = random;
    }

    Engagement create(FirmBuilder.Opening opening, Staffing staffing) {
        CustomerProfile customer = opening.customer();
        Currency currency = "BW-GB".equals(customer.seller().id()) && "US".equals(customer.country())
                ? customer.currency() : customer.seller().currency();
        ErpTarget erp = Randoms.perMille(random, 100) ? Randoms.pick(random, ERPS) : customer.seller().erp();
        Map<Role, BigDecimal> rates = rateCard(currency);
        LocalDate start = opening.start();
        int index = opening.index();
        boolean completes = index == 1 || (!opening.sideOnly() && Randoms.perMille(random, 60));
        LocalDate endDate = completes ? options.lastDay()
                : random.nextBoolean() ? null : options.lastDay().plusMonths(Randoms.between(random, 3, 12));
        BigDecimal expected = staffing.dailyValue(rates)
                .multiply(BigDecimal.valueOf(WorkCalendar.workdays(start, options.lastDay())));
        BillingModel model = opening.model();

        BigDecimal cap = null;
        BigDecimal markup = null;
        List<Engagement.Milestone> milestones = List.of();
        List<Engagement.Instalment> schedule = List.of();
        Engagement.Retainer retainer = null;
        BigDecimal retainerFee = null;
        int retentionChance = 0;
        int expenseChance;
        switch (model) {
            case TIME_AND_MATERIALS -> {
                if (random.nextBoolean()) {
                    BigDecimal headroom = Randoms.perMille(random, 150) ? Randoms.factor(random, 85, 97)
                            : Randoms.factor(random, 110, 160);
                    cap = Amounts.roundToStep(expected.multiply(headroom), 1000);
                }
                markup = Randoms.perMille(random, 300) ? new BigDecimal(Randoms.pick(random, MARKUPS)) : null;
                retentionChance = 250;
                expenseChance = 950;
            }
            case FIXED_FEE -> {
                schedule = schedule(start, staffing.dailyValue(rates));
                retentionChance = 300;
                expenseChance = 500;
            }
            case MILESTONE -> {
                milestones = milestones(start, staffing.dailyValue(rates));
                retentionChance = 350;
                expenseChance = 850;
            }
            default -> {
                BigDecimal monthly = staffing.dailyHours().multiply(BigDecimal.valueOf(21))
                        .multiply(Randoms.factor(random, 80, 125));
                BigDecimal included = Amounts.roundToStep(monthly, 5).setScale(0, RoundingMode.UNNECESSARY);
                retainer = new Engagement.Retainer(included, Randoms.perMille(random, 700),
                        Randoms.perMille(random, 400));
                retainerFee = Amounts.roundToStep(included.multiply(staffing.blendedRate(rates))
                        .multiply(Randoms.factor(random, 85, 95)), 100);
                expenseChance = 700;
            }
        }
        Engagement.Retention retention = completes || Randoms.perMille(random, retentionChance)
                ? retention(expected) : null;
        Engagement.ExpenseRules expenses = Randoms.perMille(random, expenseChance) ? expenseRules(currency) : null;
        List<ContractVersion> versions = versions(index, start, rates, cap, retainerFee);
        if (model == BillingModel.TIME_AND_MATERIALS && YearMonth.from(start).isBefore(YearMonth.from(options.lastDay()))
                && (index == 0 || Randoms.perMille(random, BACKDATED_AMENDMENT_PER_MILLE))) {
            versions.add(backdated(versions, start));
        }
        String id = "C-%d-%05d".formatted(options.start().getYear(), index + 1);
        return new Engagement(index, id, model, customer, currency, erp, start, endDate, completes, versions,
                milestones, schedule, retainer, retention, expenses, markup);
    }

    /** List rates at the customer's price level, in the contract currency, rounded to 5. */
    private Map<Role, BigDecimal> rateCard(Currency currency) {
        BigDecimal level = Randoms.factor(random, 88, 112);
        Map<Role, BigDecimal> rates = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            rates.put(role, Amounts.roundToStep(ReferenceRates.convert(role.euroRate().multiply(level), EURO,
                    currency), 5));
        }
        return rates;
    }

    /** The first version, and on some contracts an amendment raising rates (and cap or fee) from a later month. */
    private List<ContractVersion> versions(int index, LocalDate start, Map<Role, BigDecimal> rates, BigDecimal cap,
                                           BigDecimal retainerFee) {
        List<ContractVersion> versions = new ArrayList<>();
        boolean late = index >= 4 && Randoms.perMille(random, 40);
        long sent = late ? businessTime(start.plusDays(Randoms.between(random, 6, 12)))
                : businessTime(start.minusDays(Randoms.between(random, 1, 20)));
        versions.add(new ContractVersion(1, start, rates, cap, retainerFee, sent));
        YearMonth first = YearMonth.from(start);
        YearMonth last = YearMonth.from(options.lastDay());
        if (first.isBefore(last) && (index == 0 || Randoms.perMille(random, 150))) {
            LocalDate from = first.plusMonths(Randoms.between(random, 1, (int) first.until(last,
                    ChronoUnit.MONTHS))).atDay(1);
            BigDecimal raise = Randoms.factor(random, 103, 106);
            Map<Role, BigDecimal> raised = new EnumMap<>(Role.class);
            rates.forEach((role, rate) -> raised.put(role, Amounts.roundToStep(rate.multiply(raise), 5)));
            BigDecimal newCap = cap == null ? null : Amounts.roundToStep(cap.multiply(new BigDecimal("1.25")), 1000);
            BigDecimal newFee = retainerFee == null ? null : Amounts.roundToStep(retainerFee.multiply(raise), 100);
            long amendedAt = Randoms.perMille(random, 800) ? businessTime(from.minusDays(Randoms.between(random, 2, 12)))
                    : businessTime(from.plusDays(Randoms.between(random, 2, 8)));
            versions.add(new ContractVersion(2, from, raised, newCap, newFee, amendedAt));
        }
        return versions;
    }

    /**
     * An amendment in force from the first day of a month already billed (the contract's start, if later), sent 3 to
     * 15 days after that month's close: the customer agreed new rates late, so billed work is priced again (credit
     * notes and re-bills, ADR 0012). Most raise the rates by 3 to 8 %, some lower them by 3 to 8 %. It is the
     * newest version, so it prices every later day too.
     */
    private ContractVersion backdated(List<ContractVersion> versions, LocalDate start) {
        ContractVersion latest = versions.get(versions.size() - 1);
        YearMonth first = YearMonth.from(start);
        YearMonth billed = first.plusMonths(random.nextInt((int) first.until(YearMonth.from(options.lastDay()),
                ChronoUnit.MONTHS)));
        LocalDate from = billed.atDay(1).isBefore(start) ? start : billed.atDay(1);
        BigDecimal factor = Randoms.perMille(random, BACKDATED_DISCOUNT_PER_MILLE) ? Randoms.factor(random, 92, 97)
                : Randoms.factor(random, 103, 108);
        Map<Role, BigDecimal> repriced = new EnumMap<>(Role.class);
        latest.rates().forEach((role, rate) -> repriced.put(role, Amounts.roundToStep(rate.multiply(factor), 5)));
        LocalDate sentOn = Instants.dateOf(ContractCalendar.closeOpens(billed)).plusDays(Randoms.between(random, 3, 15));
        long sent = Math.max(businessTime(sentOn), latest.sentAt() + 86_400L);
        return new ContractVersion(latest.version() + 1, from, repriced, latest.notToExceed(), latest.retainerFee(),
                sent);
    }

    /** One instalment per month of work, due on its last day. */
    private List<Engagement.Instalment> schedule(LocalDate start, BigDecimal dailyValue) {
        List<Engagement.Instalment> instalments = new ArrayList<>();
        for (YearMonth month : options.monthList()) {
            LocalDate from = month.atDay(1).isBefore(start) ? start : month.atDay(1);
            if (from.isAfter(month.atEndOfMonth())) {
                continue;
            }
            BigDecimal amount = Amounts.roundToStep(dailyValue.multiply(BigDecimal.valueOf(
                    WorkCalendar.workdays(from, month.atEndOfMonth()))).multiply(Randoms.factor(random, 95, 120)), 500);
            instalments.add(new Engagement.Instalment("FF-" + month, month.atEndOfMonth(), amount,
                    "Fixed fee " + month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                            + month.getYear()));
        }
        return instalments;
    }

    /** One more milestone than months, due at even steps to the last working day, priced by the work before it. */
    private List<Engagement.Milestone> milestones(LocalDate start, BigDecimal dailyValue) {
        int count = Math.min(options.months() + 1, MILESTONE_NAMES.size());
        long span = start.until(options.lastDay(), ChronoUnit.DAYS);
        List<Engagement.Milestone> milestones = new ArrayList<>();
        LocalDate previous = start.minusDays(1);
        for (int i = 0; i < count; i++) {
            LocalDate due = WorkCalendar.workdayOnOrBefore(start.plusDays(span * (i + 1) / count));
            if (!due.isAfter(previous)) {
                continue;
            }
            BigDecimal amount = Amounts.roundToStep(dailyValue.multiply(BigDecimal.valueOf(
                    WorkCalendar.workdays(previous.plusDays(1), due))).multiply(Randoms.factor(random, 95, 125)), 500);
            int draw = random.nextInt(100);
            int delay = draw < 80 ? Randoms.between(random, 3, 15) : draw < 90 ? Randoms.between(random, 16, 40) : -1;
            milestones.add(new Engagement.Milestone("M" + (i + 1), MILESTONE_NAMES.get(i), amount, due, delay));
            previous = due;
        }
        return milestones;
    }

    private Engagement.Retention retention(BigDecimal expected) {
        BigDecimal percent = new BigDecimal(Randoms.perMille(random, 700) ? "5" : "10");
        BigDecimal cap = random.nextBoolean() ? null
                : Amounts.roundToStep(expected.multiply(percent).movePointLeft(2).multiply(new BigDecimal("0.6")), 500);
        return new Engagement.Retention(percent, cap, Randoms.perMille(random, 750) ? "AT_INVOICE" : "AT_RELEASE");
    }

    private Engagement.ExpenseRules expenseRules(Currency currency) {
        List<String> categories = Randoms.perMille(random, 700) ? List.of("TRAVEL", "LODGING", "MEALS")
                : List.of("TRAVEL", "LODGING");
        BigDecimal threshold = new BigDecimal(Randoms.pick(random, List.of("25.00", "50.00", "75.00")));
        Map<String, BigDecimal> limits = new TreeMap<>();
        limits.put("LODGING", Amounts.roundToStep(ReferenceRates.convert(
                new BigDecimal(Randoms.pick(random, List.of("180", "200", "250"))), EURO, currency), 5));
        if (categories.contains("MEALS") && random.nextBoolean()) {
            limits.put("MEALS", Amounts.roundToStep(ReferenceRates.convert(new BigDecimal("60"), EURO, currency), 5));
        }
        int draw = random.nextInt(100);
        BigDecimal markup = draw < 60 ? null : new BigDecimal(draw < 85 ? "5" : "10");
        Map<String, BigDecimal> daily = new TreeMap<>();
        if (categories.contains("MEALS") && Randoms.perMille(random, DAILY_MEALS_LIMIT_PER_MILLE)) {
            daily.put("MEALS", Amounts.roundToStep(ReferenceRates.convert(
                    new BigDecimal(Randoms.pick(random, List.of("70", "80"))), EURO, currency), 5));
        }
        Map<String, BigDecimal> trip = new TreeMap<>();
        if (Randoms.perMille(random, TRIP_LIMITS_PER_MILLE)) {
            trip.put("LODGING", limits.get("LODGING").multiply(BigDecimal.valueOf(3)));
            trip.put("TRAVEL", Amounts.roundToStep(ReferenceRates.convert(new BigDecimal("700"), EURO, currency), 5));
        }
        return new Engagement.ExpenseRules(categories, threshold, new TreeMap<>(limits), new TreeMap<>(daily),
                new TreeMap<>(trip), markup);
    }

    /** A moment in office hours on {@code date}. */
    private long businessTime(LocalDate date) {
        return Instants.at(WorkCalendar.workdayOnOrAfter(date), Randoms.between(random, 8, 17),
                random.nextInt(60), random.nextInt(60));
    }
}
