package io.billwright.simulations.generate;

import java.util.List;

/** The firm of a data set: its customers, its contracts and its people, all fixed before any event is written. */
record Firm(List<CustomerProfile> customers, List<Engagement> engagements, List<Person> people) {
    Firm {
        customers = List.copyOf(customers);
        engagements = List.copyOf(engagements);
        people = List.copyOf(people);
    }

    Engagement engagement(int index) {
        return engagements.get(index);
    }
}
