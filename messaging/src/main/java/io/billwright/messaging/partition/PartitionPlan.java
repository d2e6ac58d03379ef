package io.billwright.messaging.partition;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which partitions an instance should be the active consumer of: partition {@code p} goes to the member
 * at rank {@code p mod members} of the sorted member ids, so every member computes the same plan from the
 * same membership and the partitions are spread evenly (8 partitions on 3 instances: 3, 3 and 2).
 */
public final class PartitionPlan {

    private PartitionPlan() {
    }

    /**
     * @param members the live member ids, sorted
     * @return the partitions {@code self} owns; all of them when it is not (yet) among the members
     */
    public static Set<Integer> owned(int partitions, List<String> members, String self) {
        int rank = members.indexOf(self);
        Set<Integer> owned = new TreeSet<>();
        for (int p = 0; p < partitions; p++) {
            if (rank < 0 || p % members.size() == rank) {
                owned.add(p);
            }
        }
        return owned;
    }
}
