package io.billwright.simulations.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Who works on a contract, and what that comes to on an average working day (absence included): members for
 * whom it is the main contract spend most days on it, members from other contracts about an hour a day.
 */
record Staffing(int engagement, List<Person> members) {

    private static final BigDecimal FULL_TIME = new BigDecimal("7.4");
    private static final BigDecimal SPLIT_TIME = new BigDecimal("6.5");
    private static final BigDecimal SIDE_TIME = new BigDecimal("1.0");

    Staffing {
        members = List.copyOf(members);
    }

    /** Expected hours on an average working day. */
    BigDecimal dailyHours() {
        BigDecimal hours = BigDecimal.ZERO;
        for (Person person : members) {
            hours = hours.add(hoursOf(person));
        }
        return hours;
    }

    /** Expected value of an average working day at {@code rates}. */
    BigDecimal dailyValue(Map<Role, BigDecimal> rates) {
        BigDecimal value = BigDecimal.ZERO;
        for (Person person : members) {
            value = value.add(hoursOf(person).multiply(rates.get(person.role())));
        }
        return value;
    }

    /** The average rate per hour at {@code rates} (the consultant's when nobody is staffed). */
    BigDecimal blendedRate(Map<Role, BigDecimal> rates) {
        BigDecimal hours = dailyHours();
        return hours.signum() == 0 ? rates.get(Role.CONSULTANT)
                : dailyValue(rates).divide(hours, 2, RoundingMode.HALF_EVEN);
    }

    private BigDecimal hoursOf(Person person) {
        if (person.primary() == engagement) {
            return person.hasSecondary() ? SPLIT_TIME : FULL_TIME;
        }
        return SIDE_TIME;
    }
}
