package io.billwright.simulations.generate;

import java.util.Objects;

/**
 * Someone who records time: an employee, or a subcontractor whose hours the firm buys.
 *
 * @param index         position in the firm, keys the person's random streams
 * @param primary       index of the engagement most of the time goes to
 * @param secondary     index of a second engagement some days go to, or -1
 * @param worksWeekends one of the few who work weekends and public holidays now and then (more near a deadline)
 */
record Person(int index, String id, Role role, boolean subcontractor, int primary, int secondary,
              boolean worksWeekends) {
    Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }

    boolean hasSecondary() {
        return secondary >= 0;
    }
}
