package io.billwright.simulations.generate;

import io.billwright.engine.contract.BillingModel;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds the firm: customers, a contract for about every five people (a mix of the four billing models, a few
 * starting during the data set), and people staffed on one contract each, some also on a second one (every
 * retainer and every contract that starts later is staffed that way).
 */
final class FirmBuilder {

    private static final List<BillingModel> MODELS = List.of(BillingModel.TIME_AND_MATERIALS,
            BillingModel.FIXED_FEE, BillingModel.MILESTONE, BillingModel.RETAINER);
    private static final int[] MODEL_WEIGHTS = {45, 20, 15, 20};
    private static final int PEOPLE_PER_CONTRACT = 5;

    private final GeneratorOptions options;

    FirmBuilder(GeneratorOptions options) {
        this.options = options;
    }

    /** A contract to staff: its model, customer and first day of work. */
    record Opening(int index, BillingModel model, CustomerProfile customer, LocalDate start, boolean laterStart) {
        /** Staffed only by people whose main contract is another one. */
        boolean sideOnly() {
            return laterStart || model == BillingModel.RETAINER;
        }
    }

    Firm build() {
        SplittableRandom random = Randoms.stream(options.seed(), 1);
        int contracts = Math.max(MODELS.size(), Math.round(options.people() / (float) PEOPLE_PER_CONTRACT));
        int customerCount = Math.max(3, Math.round(contracts * 0.65f));
        CustomerFactory customerFactory = new CustomerFactory(random);
        List<CustomerProfile> customers = new ArrayList<>();
        for (int i = 0; i < customerCount; i++) {
            customers.add(customerFactory.create(i));
        }
        List<Opening> openings = new ArrayList<>();
        for (int i = 0; i < contracts; i++) {
            openings.add(opening(i, i < customers.size() ? customers.get(i) : Randoms.pick(random, customers),
                    contracts, random));
        }
        List<Person> people = staff(openings, random);
        List<List<Person>> members = new ArrayList<>();
        openings.forEach(o -> members.add(new ArrayList<>()));
        for (Person person : people) {
            members.get(person.primary()).add(person);
            if (person.hasSecondary()) {
                members.get(person.secondary()).add(person);
            }
        }
        TermsFactory terms = new TermsFactory(options, random);
        List<Engagement> engagements = new ArrayList<>();
        for (Opening opening : openings) {
            engagements.add(terms.create(opening, new Staffing(opening.index(), members.get(opening.index()))));
        }
        return new Firm(customers, engagements, people);
    }

    /** The first four contracts are one of each model and start on the first day; the rest are drawn. */
    private Opening opening(int index, CustomerProfile customer, int contracts, SplittableRandom random) {
        BillingModel model = index < MODELS.size() ? MODELS.get(index)
                : Randoms.weighted(random, MODELS, MODEL_WEIGHTS);
        LocalDate start = options.firstDay();
        boolean later = index >= MODELS.size() && contracts >= 10 && options.months() >= 2
                && Randoms.perMille(random, 100);
        if (later) {
            YearMonth month = options.start().plusMonths(Randoms.between(random, 1, options.months() - 1));
            start = WorkCalendar.workdayOnOrAfter(month.atDay(1).plusDays(random.nextInt(15)));
        }
        return new Opening(index, model, customer, start, later);
    }

    private List<Person> staff(List<Opening> openings, SplittableRandom random) {
        List<Opening> main = openings.stream().filter(o -> !o.sideOnly()).toList();
        List<Opening> side = openings.stream().filter(Opening::sideOnly).toList();
        int count = options.people();
        int[] secondary = new int[count];
        Arrays.fill(secondary, -1);
        int[] primary = new int[count];
        for (int i = 0; i < count; i++) {
            primary[i] = (i < main.size() ? main.get(i) : Randoms.pick(random, main)).index();
        }
        // every side-only contract gets two people first, taken from the end of the firm
        int cursor = count - 1;
        for (Opening opening : side) {
            for (int k = 0; k < 2 && cursor >= 0; k++, cursor--) {
                secondary[cursor] = opening.index();
            }
        }
        for (int i = 0; i <= cursor; i++) {
            if (Randoms.perMille(random, 250)) {
                Opening other = !side.isEmpty() && random.nextBoolean() ? Randoms.pick(random, side)
                        : Randoms.pick(random, openings);
                secondary[i] = other.index() == primary[i] ? -1 : other.index();
            }
        }
        List<Role> roles = List.of(Role.values());
        int[] shares = Role.shares();
        List<Person> people = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Role role = Randoms.weighted(random, roles, shares);
            boolean subcontractor = role != Role.PARTNER && Randoms.perMille(random, 50);
            boolean worksWeekends = Randoms.perMille(random, WorkPattern.WEEKEND_WORKERS_PER_MILLE);
            String id = (subcontractor ? "S" : "E") + "%05d".formatted(i + 1);
            people.add(new Person(i, id, role, subcontractor, primary[i], secondary[i], worksWeekends));
        }
        return people;
    }
}
