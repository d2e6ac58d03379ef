package io.billwright.messaging.store;

import io.billwright.engine.contract.ContractId;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.state.ItemRecord;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /** A contract's state at a revision; {@code state} is empty for a contract never seen. */
    public record Snapshot(long revision, ContractState state) {
        public Snapshot {
            Objects.requireNonNull(state, "state");
        }
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
        return snapshots;
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
        List<String> items = jdbc.sql("select record from contract_item where contract_id = ?")
                .param(contractId.value()).query(String.class).list();
        // no message ids: the event log deduplicates by id before the engine runs (EventProcessor), so the
        // state need not carry every id ever applied, and a read costs the same on a contract's 20,000th
        // message as on its 100th
        return new Snapshot(revision, codec.decode(header, items, List.of()));
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
            written.add(new Snapshot(previous.revision() + 1, state.settled().withoutProcessedEvents()));
        });
        int[] counts = Batches.run(batchJdbc, "update contract_state set revision = ?, state = ?, updated_at = ? "
                + "where contract_id = ? and revision = ?", headers);
        for (int i = 0; i < counts.length; i++) {
            // a driver may answer SUCCESS_NO_INFO (-2) for a batched row; anything else must be one row
            if (counts[i] != 1 && counts[i] != java.sql.Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("contract " + headers.get(i)[3] + " changed under its lock");
            }
        }
        Batches.run(batchJdbc, "insert into contract_item (contract_id, item_key, record) values (?, ?, ?)", inserts);
        Batches.run(batchJdbc, "update contract_item set record = ? where contract_id = ? and item_key = ?", updates);
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
                inserts.add(new Object[] {contractId, key, codec.encodeItem(record)});
            } else if (record != stored) {
                updates.add(new Object[] {codec.encodeItem(record), contractId, key});
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
