package io.billwright.messaging.store;

import io.billwright.engine.contract.ContractId;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.item.ApprovalStatus;
import io.billwright.engine.item.Expense;
import io.billwright.engine.item.StateKind;
import io.billwright.engine.item.TimeEntry;
import io.billwright.engine.state.ItemRecord;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Contract state in the {@code contract_state} table. {@link #lock} takes the contract's row lock
 * ({@code SELECT ... FOR UPDATE}): every message about one contract is processed under it, by whichever
 * consumer or service instance holds it, so each contract's events apply one at a time.
 *
 * <p>Decoded states are cached by revision: a hit needs only the locked row's revision to be current,
 * which it always is when this instance wrote it last.
 */
public final class ContractStateRepository {

    private static final int CACHE_LIMIT = 20_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;
    private final StateCodec codec;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final Map<String, Snapshot> cache = new ConcurrentHashMap<>();

    public ContractStateRepository(JdbcClient jdbc, JdbcTemplate batchJdbc, StateCodec codec, Clock clock,
                                   PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.codec = codec;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * A contract's state at a revision; {@code state} is empty for a contract never seen.
     *
     * @param partial the state was read without its settled items (billed time entries and expenses with
     *                nothing pending, see {@link #isSettled}); before a message about such an item is applied,
     *                its record is read in ({@link #lockAll})
     */
    public record Snapshot(long revision, ContractState state, boolean partial) {
        public Snapshot {
            Objects.requireNonNull(state, "state");
        }

        public Snapshot(long revision, ContractState state) {
            this(revision, state, false);
        }
    }

    /**
     * An item the engine only ever looks up by its key, never while it walks the contract's items: a billed
     * time entry or expense with nothing pending and not waiting for approval. Every walk of the engine's
     * (a close, a reconsideration, a milestone's linked items) selects unbilled, pending or submitted items;
     * a message about the item itself reads it in by key. Such items are most of an old contract's, and are
     * left out of a state read, so the read does not grow with the contract's age.
     */
    static boolean isSettled(ItemRecord record) {
        StateKind kind = record.item().stateKind();
        if (kind != StateKind.TIME_ENTRY && kind != StateKind.EXPENSE) {
            return false;
        }
        ApprovalStatus approval = record.item() instanceof TimeEntry entry ? entry.status()
                : record.item() instanceof Expense expense ? expense.status() : null;
        return record.isBilled() && !record.isPending() && approval != ApprovalStatus.SUBMITTED;
    }

    /**
     * Makes sure the contract has a row to lock. Runs in its own transaction, so two consumers creating
     * the same contract's row at once both go on (one inserts, the other finds it).
     */
    public void ensureRow(ContractId contractId) {
        if (cache.containsKey(contractId.value())) {
            return;
        }
        ownTransaction.executeWithoutResult(status -> {
            boolean exists = jdbc.sql("select count(*) from contract_state where contract_id = ?")
                    .param(contractId.value()).query(Integer.class).single() > 0;
            if (!exists) {
                try {
                    jdbc.sql("insert into contract_state (contract_id, revision, state, updated_at) values (?, 0, null, ?)")
                            .param(contractId.value()).param(Timestamp.from(clock.instant())).update();
                } catch (DuplicateKeyException alreadyCreated) {
                    status.setRollbackOnly();
                }
            }
        });
    }

    /**
     * Locks the rows of several contracts (in contract id order, the same in every transaction, so two
     * batches never deadlock) and reads their states.
     */
    public Map<String, Snapshot> lockAll(List<ContractId> contractIds) {
        return lockAll(contractIds, Map.of());
    }

    /**
     * Locks the rows of several contracts and reads their states, each with the records of {@code itemKeys}
     * (the items the messages about to be applied are about), settled or not.
     */
    public Map<String, Snapshot> lockAll(List<ContractId> contractIds, Map<String, Set<String>> itemKeys) {
        List<String> ids = contractIds.stream().map(ContractId::value).distinct().sorted().toList();
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        Map<String, Long> revisions = new java.util.HashMap<>();
        batchJdbc.query("select contract_id, revision from contract_state where contract_id in (" + marks
                + ") order by contract_id for update", rs -> {
                    revisions.put(rs.getString(1), rs.getLong(2));
                }, ids.toArray());
        Map<String, Snapshot> snapshots = new java.util.HashMap<>();
        for (String id : ids) {
            Long revision = revisions.get(id);
            if (revision == null) {
                throw new IllegalStateException("no state row for contract " + id + ": ensureRow must run first");
            }
            snapshots.put(id, read(new ContractId(id), revision));
        }
        readInSettled(snapshots, itemKeys);
        return snapshots;
    }

    /**
     * The contract's whole state, settled items included, as committed: for reading (reconciliation), never
     * for deciding (it takes no lock and bypasses the cache). Empty when the contract is unknown.
     */
    public ContractState readWhole(ContractId contractId) {
        String header = jdbc.sql("select state from contract_state where contract_id = ?")
                .param(contractId.value()).query(String.class).optional().orElse(null);
        if (header == null) {
            return ContractState.empty(contractId);
        }
        List<String> items = jdbc.sql("select record from contract_item where contract_id = ?")
                .param(contractId.value()).query(String.class).list();
        return codec.decode(header, items, List.of());
    }

    /** Every contract the service keeps a state for, in id order. */
    public List<String> contractIds() {
        return jdbc.sql("select contract_id from contract_state where state is not null order by contract_id")
                .query(String.class).list();
    }

    /** Asks for every settled item of the contract (a contract version may price billed items again). */
    public static final String ALL_SETTLED = "*";

    /** Adds to partial states the settled records of the keys asked for: one statement for the whole batch. */
    private void readInSettled(Map<String, Snapshot> snapshots, Map<String, Set<String>> itemKeys) {
        List<Object> params = new ArrayList<>();
        itemKeys.forEach((contractId, keys) -> {
            Snapshot snapshot = snapshots.get(contractId);
            if (snapshot != null && snapshot.partial() && keys.contains(ALL_SETTLED)) {
                readInAllSettled(snapshots, contractId);
                return;
            }
            if (snapshot != null && snapshot.partial()) {
                keys.stream().filter(key -> !snapshot.state().items().containsKey(key)).forEach(key -> {
                    params.add(contractId);
                    params.add(key);
                });
            }
        });
        if (params.isEmpty()) {
            return;
        }
        String rows = String.join(", ", java.util.Collections.nCopies(params.size() / 2, "(?, ?)"));
        Map<String, List<ItemRecord>> found = new java.util.HashMap<>();
        batchJdbc.query("select contract_id, record from contract_item where (contract_id, item_key) in (" + rows
                + ")", rs -> {
                    found.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                            .add(codec.decodeItem(rs.getString(2)));
                }, params.toArray());
        found.forEach((contractId, records) -> {
            Snapshot snapshot = snapshots.get(contractId);
            ContractState state = snapshot.state();
            for (ItemRecord record : records) {
                state = state.withItem(record);
            }
            // read in, not changed: nothing to write back for them
            snapshots.put(contractId, new Snapshot(snapshot.revision(), state.settled(), true));
        });
    }

    /** Every settled item of one contract, read into its state: the state is then whole. */
    private void readInAllSettled(Map<String, Snapshot> snapshots, String contractId) {
        Snapshot snapshot = snapshots.get(contractId);
        ContractState state = snapshot.state();
        for (String record : jdbc.sql("select record from contract_item where contract_id = ? and settled = true")
                .param(contractId).query(String.class).list()) {
            state = state.withItem(codec.decodeItem(record));
        }
        // read in, not changed: nothing to write back for them
        snapshots.put(contractId, new Snapshot(snapshot.revision(), state.settled(), false));
    }

        private Snapshot read(ContractId contractId, long revision) {
        Snapshot cached = cache.get(contractId.value());
        if (cached != null && cached.revision() == revision) {
            return cached;
        }
        String header = jdbc.sql("select state from contract_state where contract_id = ?")
                .param(contractId.value()).query(String.class).optional().orElse(null);
        if (header == null) {
            return new Snapshot(revision, ContractState.empty(contractId));
        }
        // settled items stay out: a message about one reads it in by key (readInSettled)
        List<String> items = jdbc.sql("select record from contract_item where contract_id = ? and settled = false")
                .param(contractId.value()).query(String.class).list();
        // no message ids: the event log deduplicates by id before the engine runs (EventProcessor), so the
        // state need not carry every id ever applied, and a read costs the same on a contract's 20,000th
        // message as on its 100th
        return new Snapshot(revision, codec.decode(header, items, List.of()), true);
    }

    /**
     * Writes the states of a batch at their next revisions; the caller holds their locks. Only the items
     * that changed are written (the state keeps the keys of the items the engine changed since it was
     * read, so nothing walks the contract's other items), and each kind of write is one round trip for the
     * whole batch: a period close rewrites every item it bills, and a batch holds messages about many
     * contracts.
     *
     * @param before  the snapshots read under the locks, by contract id
     * @param changed the new states, by contract id
     * @return the snapshots written, for {@link #remember} after commit
     */
    public List<Snapshot> saveAll(Map<String, Snapshot> before, Map<String, ContractState> changed) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> headers = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        List<Snapshot> written = new ArrayList<>();
        changed.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            Snapshot previous = before.get(entry.getKey());
            ContractState state = entry.getValue();
            String contractId = entry.getKey();
            headers.add(new Object[] {previous.revision() + 1, codec.encodeHeader(state), now,
                contractId, previous.revision()});
            collectItemChanges(contractId, previous.state().items(), state, inserts, updates, deletes);
            written.add(new Snapshot(previous.revision() + 1, state.settled().withoutProcessedEvents(),
                    previous.partial()));
        });
        int[] counts = Batches.run(batchJdbc, "update contract_state set revision = ?, state = ?, updated_at = ? "
                + "where contract_id = ? and revision = ?", headers);
        for (int i = 0; i < counts.length; i++) {
            // a driver may answer SUCCESS_NO_INFO (-2) for a batched row; anything else must be one row
            if (counts[i] != 1 && counts[i] != java.sql.Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("contract " + headers.get(i)[3] + " changed under its lock");
            }
        }
        Batches.run(batchJdbc, "insert into contract_item (contract_id, item_key, record, settled) values (?, ?, ?, ?)",
                inserts);
        Batches.run(batchJdbc, "update contract_item set record = ?, settled = ? where contract_id = ? and item_key = ?",
                updates);
        Batches.run(batchJdbc, "delete from contract_item where contract_id = ? and item_key = ?", deletes);
        return written;
    }

    /** The items the engine changed since the state was read (see {@link ContractState#changedItems()}). */
    private void collectItemChanges(String contractId, Map<String, ItemRecord> old, ContractState state,
                                    List<Object[]> inserts, List<Object[]> updates, List<Object[]> deletes) {
        for (String key : state.changedItems()) {
            ItemRecord stored = old.get(key);
            ItemRecord record = state.items().get(key);
            if (record == null && stored != null) {
                deletes.add(new Object[] {contractId, key});
            } else if (record != null && stored == null) {
                inserts.add(new Object[] {contractId, key, codec.encodeItem(record), isSettled(record)});
            } else if (record != stored) {
                updates.add(new Object[] {codec.encodeItem(record), isSettled(record), contractId, key});
            }
        }
    }

    /** Called after commit: the next message for the contract skips decoding. */
    public void remember(Snapshot snapshot) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(snapshot.state().contractId().value(), snapshot);
    }

    /** Called after a rollback: what was cached may no longer match the row. */
    public void forget(ContractId contractId) {
        cache.remove(contractId.value());
    }
}
