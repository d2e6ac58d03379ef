package io.billwright.messaging.operations;

import io.billwright.messaging.store.DecisionLog;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The items whose latest decision holds or rejects them, with the rule behind it, the amount, and how long
 * they have stood so: the exceptions workbench's list. An item's age counts from the first decision of its
 * current standing: held for the same reason since, with no other decision in between.
 */
public final class OpenExceptions {

    /** One held or rejected item. {@code pendingRequest} is the id of a manual decision awaiting approval. */
    public record OpenException(String contractId, String itemId, String kind, String status, String reason,
                                String rule, String detail, BigDecimal amount, String currency, Instant since,
                                long ageDays, String aging, String pendingRequest) {
    }

    /** What to list; a null or blank field does not filter. */
    public record Filter(String status, String reason, String contractId, String currency, String aging, String rule) {
        static String upper(String value) {
            return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
        }
    }

    /** The count and amounts by currency of one aging bucket. */
    public record Bucket(String aging, int count, Map<String, BigDecimal> amounts) {
    }

    /** The latest decision of every item, held or rejected. */
    static final String LATEST = "select d.contract_id, d.item_id, d.item_kind, d.status, d.reason, d.detail, d.amount, "
            + "d.currency, d.rules, d.decided_at, (select min(s.decided_at) from decision_log s "
            + "where s.contract_id = d.contract_id and s.item_id = d.item_id and s.id > coalesce((select max(x.id) "
            + "from decision_log x where x.contract_id = d.contract_id and x.item_id = d.item_id and (x.status <> d.status "
            + "or coalesce(x.reason, '') <> coalesce(d.reason, ''))), 0)) as since, "
            + "(select min(m.request_id) from manual_decision m where m.contract_id = d.contract_id "
            + "and m.item_id = d.item_id and m.status = 'PENDING') as pending_request "
            + "from decision_log d where d.id in (select max(id) from decision_log group by contract_id, item_id) "
            + "and d.status in ('HELD', 'REJECTED')";

    private final JdbcClient jdbc;

    public OpenExceptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The items the filter selects, the oldest first, at most {@code limit}. */
    public List<OpenException> list(Filter filter, Instant now, int limit) {
        StringBuilder sql = new StringBuilder(LATEST);
        List<Object> params = new ArrayList<>();
        addFilter(sql, params, "d.status", Filter.upper(filter.status()));
        addFilter(sql, params, "d.reason", Filter.upper(filter.reason()));
        addFilter(sql, params, "d.currency", Filter.upper(filter.currency()));
        if (filter.contractId() != null && !filter.contractId().isBlank()) {
            sql.append(" and d.contract_id = ?");
            params.add(filter.contractId().trim());
        }
        Aging aging = filter.aging() == null || filter.aging().isBlank() ? null : Aging.byLabel(filter.aging().trim());
        String rule = filter.rule() == null || filter.rule().isBlank() ? null : filter.rule().trim();
        List<OpenException> candidates = new ArrayList<>(jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> row(rs, now)).list());
        candidates.addAll(rejectedPackages(filter, now));
        candidates.sort(java.util.Comparator.comparing(OpenException::since).thenComparing(OpenException::contractId)
                .thenComparing(OpenException::itemId));
        List<OpenException> out = new ArrayList<>();
        for (OpenException item : candidates) {
            if ((aging == null || aging.label().equals(item.aging())) && (rule == null || rule.equals(item.rule()))) {
                out.add(item);
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    /** The reason and rule a package the ERP rejected is listed under. */
    public static final String ERP_REJECTED = "ERP_REJECTED";

    /**
     * Packages the ERP rejected and nobody has resent: exceptions too, listed with the ERP's reason, the
     * package id as item and the amount due, aged from the rejection.
     */
    private List<OpenException> rejectedPackages(Filter filter, Instant now) {
        String status = Filter.upper(filter.status());
        String reason = Filter.upper(filter.reason());
        if ((status != null && !status.equals("REJECTED")) || (reason != null && !reason.equals(ERP_REJECTED))) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select package_id, contract_id, currency, amount_due, erp_reason, "
                + "acknowledged_at from billing_package where erp_status = 'REJECTED' and not " + ErpStatuses.CREDITED);
        List<Object> params = new ArrayList<>();
        addFilter(sql, params, "currency", Filter.upper(filter.currency()));
        if (filter.contractId() != null && !filter.contractId().isBlank()) {
            sql.append(" and contract_id = ?");
            params.add(filter.contractId().trim());
        }
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            Instant since = rs.getTimestamp("acknowledged_at").toInstant();
            long days = Aging.days(since, now);
            return new OpenException(rs.getString("contract_id"), rs.getString("package_id"), "PACKAGE", "REJECTED",
                    ERP_REJECTED, "erp", rs.getString("erp_reason"), rs.getBigDecimal("amount_due"),
                    rs.getString("currency"), since, days, Aging.of(days).label(), null);
        }).list();
    }

    /** Every bucket, in order, with the held and rejected items of the list in it. */
    public static List<Bucket> buckets(List<OpenException> items) {
        Map<String, List<OpenException>> byBucket = new LinkedHashMap<>();
        for (Aging bucket : Aging.values()) {
            byBucket.put(bucket.label(), new ArrayList<>());
        }
        items.forEach(item -> byBucket.get(item.aging()).add(item));
        List<Bucket> out = new ArrayList<>();
        byBucket.forEach((label, in) -> {
            Map<String, BigDecimal> amounts = new TreeMap<>();
            in.stream().filter(i -> i.amount() != null && i.currency() != null)
                    .forEach(i -> amounts.merge(i.currency(), i.amount(), BigDecimal::add));
            out.add(new Bucket(label, in.size(), amounts));
        });
        return out;
    }

    /** Held value now, by reason and currency: the gauge behind held-value growth alerts. */
    public Map<List<String>, BigDecimal> heldValue() {
        Map<List<String>, BigDecimal> out = new LinkedHashMap<>();
        jdbc.sql("select d.reason, d.currency, sum(d.amount) as held from decision_log d "
                        + "where d.id in (select max(id) from decision_log group by contract_id, item_id) "
                        + "and d.status = 'HELD' and d.amount is not null and d.currency is not null "
                        + "group by d.reason, d.currency")
                .query(rs -> {
                    out.put(List.of(rs.getString("reason") == null ? "none" : rs.getString("reason"),
                            rs.getString("currency")), rs.getBigDecimal("held"));
                });
        return out;
    }

    private static void addFilter(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static OpenException row(ResultSet rs, Instant now) throws SQLException {
        Instant since = rs.getTimestamp("since").toInstant();
        long days = Aging.days(since, now);
        return new OpenException(rs.getString("contract_id"), rs.getString("item_id"), rs.getString("item_kind"),
                rs.getString("status"), rs.getString("reason"), lastRule(rs.getString("rules")), rs.getString("detail"),
                rs.getBigDecimal("amount"), rs.getString("currency"), since, days, Aging.of(days).label(),
                rs.getString("pending_request"));
    }

    /** The rule behind a hold or rejection: the last the receipt names. */
    static String lastRule(String rules) {
        if (rules == null || rules.isBlank()) {
            return null;
        }
        String[] names = rules.split(rules.contains(DecisionLog.RULE_SEPARATOR) ? DecisionLog.RULE_SEPARATOR : ",");
        return io.billwright.engine.ruleset.EngineRule.ruleBehind(java.util.Arrays.stream(names).map(String::trim).toList());
    }
}
