package io.billwright.messaging.operations;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where each package stands with the ERP: not yet confirmed by the broker, sent and awaiting the ERP's
 * word, unacknowledged past the configured time, posted, rejected, or resent after a rejection.
 */
public final class ErpStatuses {

    /**
     * A package a credit note credits (its trigger key is {@code <period>/<package id>}): a rejection of it was
     * settled by the correction flow, so it is neither listed as rejected nor resent.
     */
    static final String CREDITED = "exists (select 1 from billing_package c where c.trigger_kind = 'CREDIT_NOTE' "
            + "and c.trigger_key like ('%/' || billing_package.package_id))";

    /** The standings a package list can be filtered by. */
    public enum Standing { UNCONFIRMED, AWAITING, UNACKNOWLEDGED, POSTED, REJECTED, RESENT }

    /** A package as the workbench lists it. */
    public record PackageStatus(String packageId, String contractId, String erpTarget, String document,
                                String currency, BigDecimal amountDue, Instant createdAt, Instant confirmedAt,
                                String standing, String erpDocument, String erpReason, Instant acknowledgedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OpsAudit audit;
    private final Clock clock;
    private final Duration unacknowledgedAfter;

    public ErpStatuses(JdbcClient jdbc, TransactionTemplate transactions, OpsAudit audit, Clock clock,
                       Duration unacknowledgedAfter) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.unacknowledgedAfter = unacknowledgedAfter;
    }

    public Duration unacknowledgedAfter() {
        return unacknowledgedAfter;
    }

    /** Packages in this standing (all when null), of one contract when given, the newest first. */
    public List<PackageStatus> list(Standing standing, String contractId, int limit) {
        StringBuilder sql = new StringBuilder("select package_id, contract_id, erp_target, trigger_kind, currency, "
                + "amount_due, created_at, confirmed_at, erp_status, erp_document, erp_reason, acknowledged_at "
                + "from billing_package where 1 = 1");
        List<Object> params = new ArrayList<>();
        Timestamp cutoff = Timestamp.from(clock.instant().minus(unacknowledgedAfter));
        if (standing != null) {
            switch (standing) {
                case UNCONFIRMED -> sql.append(" and confirmed_at is null");
                case AWAITING -> {
                    sql.append(" and confirmed_at is not null and erp_status is null and confirmed_at >= ?");
                    params.add(cutoff);
                }
                case UNACKNOWLEDGED -> {
                    sql.append(" and ((confirmed_at < ? and erp_status is null) or (erp_status = 'RESENT' and acknowledged_at < ?))");
                    params.add(cutoff);
                    params.add(cutoff);
                }
                case REJECTED -> sql.append(" and erp_status = 'REJECTED' and not " + CREDITED);
                default -> {
                    sql.append(" and erp_status = ?");
                    params.add(standing.name());
                }
            }
        }
        if (contractId != null && !contractId.isBlank()) {
            sql.append(" and contract_id = ?");
            params.add(contractId.trim());
        }
        sql.append(" order by created_at desc, package_id");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs, cutoff.toInstant())).list()
                .stream().limit(limit).toList();
    }

    /** Unacknowledged and rejected packages by ERP target: the gauges behind the alerts. */
    public Map<List<String>, Long> counts() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(unacknowledgedAfter));
        Map<List<String>, Long> out = new LinkedHashMap<>();
        jdbc.sql("select erp_target, sum(case when (confirmed_at < ? and erp_status is null) "
                        + "or (erp_status = 'RESENT' and acknowledged_at < ?) then 1 else 0 end) as unacknowledged, "
                        + "sum(case when erp_status = 'REJECTED' and not " + CREDITED + " then 1 else 0 end) as rejected "
                        + "from billing_package "
                        + "group by erp_target")
                .params(cutoff, cutoff)
                .query(rs -> {
                    String erp = rs.getString("erp_target").toLowerCase(Locale.ROOT);
                    out.put(List.of("unacknowledged", erp), rs.getLong("unacknowledged"));
                    out.put(List.of("rejected", erp), rs.getLong("rejected"));
                });
        return out;
    }

    /**
     * Sends a rejected package again, the same package under the same id, once the ERP side is fixed: its
     * outbox row is made due again, and it awaits the ERP's word afresh.
     */
    public PackageStatus resend(String packageId, String actor, String note) {
        PackageStatus status = transactions.execute(tx -> {
            List<PackageStatus> found = jdbc.sql("select package_id, contract_id, erp_target, trigger_kind, currency, "
                            + "amount_due, created_at, confirmed_at, erp_status, erp_document, erp_reason, acknowledged_at "
                            + "from billing_package where package_id = ?").param(packageId)
                    .query((rs, n) -> row(rs, Instant.MIN)).list();
            if (found.isEmpty()) {
                throw new ManualDecisions.Refused(404, "no package " + packageId);
            }
            boolean credited = jdbc.sql("select count(*) from billing_package where package_id = ? and " + CREDITED)
                    .param(packageId).query(Integer.class).single() > 0;
            if (credited) {
                throw new ManualDecisions.Refused(409, "package " + packageId + " has been credited by a credit note "
                        + "since the ERP rejected it: the correction settled it, and a resend would bill it twice");
            }
            if (!"REJECTED".equals(found.get(0).standing())) {
                throw new ManualDecisions.Refused(409, "package " + packageId + " is " + found.get(0).standing()
                        .toLowerCase(Locale.ROOT) + ": only a package the ERP rejected is resent");
            }
            Timestamp now = Timestamp.from(clock.instant());
            int rows = jdbc.sql("update outbox set sent_at = null, parked_at = null, attempts = 0, last_error = null, "
                    + "claimed_until = null, next_attempt_at = ? where message_id = ?").params(now, packageId).update();
            if (rows == 0) {
                throw new ManualDecisions.Refused(409, "package " + packageId + " has no outbox message to send again");
            }
            int marked = jdbc.sql("update billing_package set erp_status = 'RESENT', acknowledged_at = ? "
                    + "where package_id = ? and erp_status = 'REJECTED'").params(now, packageId).update();
            if (marked != 1) {
                throw new ManualDecisions.Refused(409, "package " + packageId + " was resent by someone else meanwhile");
            }
            return found.get(0);
        });
        audit.record(actor, "RESEND_PACKAGE", packageId, "rejected by the ERP: " + status.erpReason()
                + (note == null || note.isBlank() ? "" : "; " + note));
        return list(null, null, Integer.MAX_VALUE).stream().filter(p -> p.packageId().equals(packageId)).findFirst()
                .orElse(status);
    }

    private static PackageStatus row(ResultSet rs, Instant cutoff) throws SQLException {
        Instant confirmed = instant(rs.getTimestamp("confirmed_at"));
        Instant acknowledged = instant(rs.getTimestamp("acknowledged_at"));
        String erpStatus = rs.getString("erp_status");
        String standing;
        if (erpStatus != null && !"RESENT".equals(erpStatus)) {
            standing = erpStatus;
        } else if ("RESENT".equals(erpStatus)) {
            standing = acknowledged != null && acknowledged.isBefore(cutoff) ? Standing.UNACKNOWLEDGED.name() : "RESENT";
        } else if (confirmed == null) {
            standing = Standing.UNCONFIRMED.name();
        } else {
            standing = confirmed.isBefore(cutoff) ? Standing.UNACKNOWLEDGED.name() : Standing.AWAITING.name();
        }
        return new PackageStatus(rs.getString("package_id"), rs.getString("contract_id"), rs.getString("erp_target"),
                "CREDIT_NOTE".equals(rs.getString("trigger_kind")) ? "credit_note" : "invoice",
                rs.getString("currency"), rs.getBigDecimal("amount_due"), instant(rs.getTimestamp("created_at")),
                confirmed, standing, rs.getString("erp_document"), rs.getString("erp_reason"), acknowledged);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
