package io.billwright.messaging.reconcile;

import io.billwright.engine.state.ContractState;
import io.billwright.engine.state.ItemRecord;
import io.billwright.messaging.store.StateCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the service wrote, one contract at a time, as typed rows: its event log, its stored state (every
 * item, settled ones included), the rule sets its decisions recorded, its packages and their outbox rows, and the
 * rule-set audit trail. Every read goes through the one connection it is given, so that a caller holding a
 * repeatable-read transaction sees one snapshot.
 */
final class ServiceDatabase {

    private static final int CHUNK = 500;

    private final Connection connection;
    private final StateCodec codec;
    private final JsonMapper json = JsonMapper.builder().build();

    ServiceDatabase(Connection connection, StateCodec codec) {
        this.connection = connection;
        this.codec = codec;
    }

    /** Every contract the database knows: with a state, a logged message or a package; in id order. */
    List<String> contractIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select contract_id from contract_state where state"
                + " is not null union select contract_id from event_log union select contract_id from billing_package"
                + " order by 1"); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** Whether the database knows the contract (see {@link #contractIds()}). */
    boolean knows(String contractId) throws SQLException {
        return exists("select 1 from contract_state where contract_id = ? and state is not null", contractId)
                || exists("select 1 from event_log where contract_id = ?", contractId)
                || exists("select 1 from billing_package where contract_id = ?", contractId);
    }

    /** The contract's applied messages, in the order they were applied. */
    List<LoggedEvent> events(String contractId) throws SQLException {
        List<LoggedEvent> events = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select seq, message_id, event_type, received_at, "
                + "body from event_log where contract_id = ? order by seq")) {
            query.setString(1, contractId);
            query.setFetchSize(1_000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new LoggedEvent(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant(), rows.getString(5)));
                }
            }
        }
        return events;
    }

    /** The rule-set version each of the contract's messages decided with, by message id (its first decision's). */
    Map<String, String> decidedVersions(String contractId) throws SQLException {
        Map<String, String> versions = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("select message_id, rule_set_version from "
                + "decision_log where contract_id = ? and rule_set_version is not null order by id")) {
            query.setString(1, contractId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.putIfAbsent(rows.getString(1), rows.getString(2));
                }
            }
        }
        return versions;
    }

    /** The contract's whole stored state; {@link StoredContract#none} when the database keeps none. */
    StoredContract stored(String contractId) throws SQLException {
        String header = null;
        try (PreparedStatement query = connection.prepareStatement("select state from contract_state where "
                + "contract_id = ?")) {
            query.setString(1, contractId);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    header = rows.getString(1);
                }
            }
        }
        if (header == null) {
            return StoredContract.none(contractId);
        }
        List<String> items = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select record from contract_item where "
                + "contract_id = ?")) {
            query.setString(1, contractId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(rows.getString(1));
                }
            }
        }
        ContractState state;
        try {
            state = codec.decode(header, items, List.of());
        } catch (RuntimeException e) {
            return StoredContract.unreadable(contractId, e.getMessage());
        }
        String currency = ContractReplay.currencyOf(state);
        Map<String, ItemView> views = new HashMap<>();
        for (ItemRecord record : state.items().values()) {
            views.put(record.key(), ItemView.of(record, currency));
        }
        return new StoredContract(contractId, true, null, views, Positions.of(state));
    }

    /** The ids of every package issued, by contract. */
    Map<String, List<String>> packageIds() throws SQLException {
        Map<String, List<String>> ids = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("select contract_id, package_id from "
                + "billing_package order by created_at, package_id"); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        return ids;
    }

    /** The packages with these ids, in the order given. */
    List<IssuedPackage> packages(List<String> ids) throws SQLException {
        Map<String, IssuedPackage> found = new LinkedHashMap<>();
        ids.forEach(id -> found.put(id, null));
        for (List<String> chunk : chunks(ids)) {
            try (PreparedStatement query = connection.prepareStatement("select package_id, contract_id, currency, net, "
                    + "tax, retention, amount_due, lines, rule_set_version, message_id, created_at, confirmed_at, "
                    + "erp_status from billing_package where package_id in (" + marks(chunk.size()) + ")")) {
                bind(query, chunk);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        PackageFigures figures = new PackageFigures(rows.getString(1), rows.getString(2),
                                rows.getString(3), rows.getBigDecimal(4), rows.getBigDecimal(5), rows.getBigDecimal(6),
                                rows.getBigDecimal(7), lineCount(rows.getString(8)), rows.getString(9),
                                rows.getString(10));
                        found.put(figures.id(), new IssuedPackage(figures, instant(rows.getTimestamp(11)),
                                instant(rows.getTimestamp(12)), rows.getString(13)));
                    }
                }
            }
        }
        return found.values().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The outbox rows with these message ids, by message id. */
    Map<String, OutboxState> outbox(Collection<String> messageIds) throws SQLException {
        Map<String, OutboxState> rowsById = new TreeMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(messageIds))) {
            try (PreparedStatement query = connection.prepareStatement("select message_id, created_at, sent_at, "
                    + "parked_at, attempts, last_error from outbox where message_id in (" + marks(chunk.size())
                    + ")")) {
                bind(query, chunk);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        rowsById.put(rows.getString(1), new OutboxState(rows.getString(1),
                                instant(rows.getTimestamp(2)), instant(rows.getTimestamp(3)),
                                instant(rows.getTimestamp(4)), rows.getInt(5), rows.getString(6)));
                    }
                }
            }
        }
        return rowsById;
    }

    /** Which rule set went live when, from the audit trail. */
    RuleSetTimeline timeline() throws SQLException {
        RuleSetTimeline.Builder timeline = new RuleSetTimeline.Builder();
        try (PreparedStatement query = connection.prepareStatement("select at, to_version from rule_set_audit where "
                + "outcome = 'LIVE' and to_version is not null order by id"); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                timeline.add(rows.getTimestamp(1).toInstant(), rows.getString(2));
            }
        }
        return timeline.build();
    }

    private boolean exists(String sql, String contractId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, contractId);
            query.setMaxRows(1);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The number of lines a package row keeps, or -1 when it keeps none (rows of releases before V3). */
    private int lineCount(String lines) {
        if (lines == null) {
            return -1;
        }
        try {
            JsonNode array = json.readTree(lines);
            return array.isArray() ? array.size() : -1;
        } catch (JacksonException e) {
            return -1;
        }
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static void bind(PreparedStatement query, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            query.setString(i + 1, values.get(i));
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
