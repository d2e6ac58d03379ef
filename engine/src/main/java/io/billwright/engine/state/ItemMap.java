package io.billwright.engine.state;

import io.billwright.engine.item.ApprovalStatus;
import io.billwright.engine.item.Expense;
import io.billwright.engine.item.TimeEntry;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.pcollections.HashTreePSet;
import org.pcollections.PMap;
import org.pcollections.PSet;

/**
 * A contract's item records by state key, and the keys of the records whose time entry or expense is still
 * submitted. Every item linked to a milestone decides the milestone again, and the milestone names the linked
 * items still waiting for approval: finding those few by scanning every record (a long engagement keeps
 * hundreds) on every such event made a milestone contract's replay quadratic. Submitted items are few, so the
 * key set costs next to nothing to keep.
 *
 * <p>The records live in the map it was made from, changed by the same operations in the same order, so it
 * iterates exactly as that map would; it equals any map with the same entries. The key set is bookkeeping
 * only: not part of the value, and rebuilt from the records when a state is read back.
 */
final class ItemMap extends AbstractMap<String, ItemRecord> implements PMap<String, ItemRecord> {

    private final PMap<String, ItemRecord> records;
    private final PSet<String> submitted;

    private ItemMap(PMap<String, ItemRecord> records, PSet<String> submitted) {
        this.records = records;
        this.submitted = submitted;
    }

    /** {@code items} itself when it keeps the key set already, else the same records with it. */
    static ItemMap of(PMap<String, ItemRecord> items) {
        if (items instanceof ItemMap indexed) {
            return indexed;
        }
        PSet<String> submitted = HashTreePSet.empty();
        for (Map.Entry<String, ItemRecord> entry : items.entrySet()) {
            if (isSubmitted(entry.getValue())) {
                submitted = submitted.plus(entry.getKey());
            }
        }
        return new ItemMap(items, submitted);
    }

    /** A time entry or expense still waiting for approval. */
    static boolean isSubmitted(ItemRecord record) {
        ApprovalStatus status = record.item() instanceof TimeEntry t ? t.status()
                : record.item() instanceof Expense e ? e.status() : null;
        return status == ApprovalStatus.SUBMITTED;
    }

    /** The keys of the records {@link #isSubmitted} selects. */
    PSet<String> submittedKeys() {
        return submitted;
    }

    @Override
    public ItemMap plus(String key, ItemRecord record) {
        PSet<String> now = isSubmitted(record) ? submitted.plus(key) : without(submitted, key);
        return new ItemMap(records.plus(key, record), now);
    }

    @Override
    public ItemMap minus(Object key) {
        return new ItemMap(records.minus(key), without(submitted, key));
    }

    /** The set without {@code key}; nothing to look up while no item is submitted, the usual case. */
    private static PSet<String> without(PSet<String> set, Object key) {
        return set.isEmpty() ? set : set.minus(key);
    }

    @Override
    public ItemMap plusAll(Map<? extends String, ? extends ItemRecord> more) {
        ItemMap out = this;
        for (Map.Entry<? extends String, ? extends ItemRecord> entry : more.entrySet()) {
            out = out.plus(entry.getKey(), entry.getValue());
        }
        return out;
    }

    @Override
    public ItemMap minusAll(Collection<?> keys) {
        ItemMap out = this;
        for (Object key : keys) {
            out = out.minus(key);
        }
        return out;
    }

    @Override
    public ItemRecord get(Object key) {
        return records.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return records.containsKey(key);
    }

    @Override
    public int size() {
        return records.size();
    }

    @Override
    public boolean isEmpty() {
        return records.isEmpty();
    }

    @Override
    public Set<Entry<String, ItemRecord>> entrySet() {
        return records.entrySet();
    }

    @Override
    public Set<String> keySet() {
        return records.keySet();
    }

    @Override
    public Collection<ItemRecord> values() {
        return records.values();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || records.equals(other instanceof ItemMap that ? that.records : other);
    }

    @Override
    public int hashCode() {
        return records.hashCode();
    }

    @Override
    public String toString() {
        return records.toString();
    }

    @Deprecated
    @Override
    public ItemRecord put(String key, ItemRecord value) {
        throw new UnsupportedOperationException();
    }

    @Deprecated
    @Override
    public ItemRecord remove(Object key) {
        throw new UnsupportedOperationException();
    }

    @Deprecated
    @Override
    public void putAll(Map<? extends String, ? extends ItemRecord> map) {
        throw new UnsupportedOperationException();
    }

    @Deprecated
    @Override
    public void clear() {
        throw new UnsupportedOperationException();
    }
}
