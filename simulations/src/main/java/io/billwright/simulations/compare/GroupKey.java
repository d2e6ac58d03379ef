package io.billwright.simulations.compare;

/** Where an amount is totalled: a dimension, a group within it, a currency. */
record GroupKey(Dimension dimension, String key, String currency) implements Comparable<GroupKey> {

    @Override
    public int compareTo(GroupKey other) {
        int byDimension = dimension.compareTo(other.dimension);
        if (byDimension != 0) {
            return byDimension;
        }
        int byKey = key.compareTo(other.key);
        return byKey != 0 ? byKey : currency.compareTo(other.currency);
    }
}
