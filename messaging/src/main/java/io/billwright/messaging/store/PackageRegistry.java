package io.billwright.messaging.store;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.events.WireJson;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every package ever issued, keyed by its id. A package id registered once is never issued again,
 * whatever the engine produces on a replay: the last line of defence against a duplicate invoice.
 */
public final class PackageRegistry {

    private final JdbcTemplate batchJdbc;

    public PackageRegistry(JdbcTemplate batchJdbc) {
        this.batchJdbc = batchJdbc;
    }

    /** A package to register, with the id of the message that produced it. */
    public record Candidate(BillingPackage pkg, String messageId) {
    }

    /**
     * Registers the packages of a batch: one read for the ids issued before, one batched insert for the
     * rest. A package id seen before, or twice in the batch, is issued once at most.
     *
     * @return the ids newly registered, which are the packages to publish
     */
    public Set<String> registerAll(List<Candidate> candidates, Instant at) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        List<String> ids = candidates.stream().map(c -> c.pkg().id().value()).distinct().toList();
        Set<String> known = new HashSet<>();
        batchJdbc.query("select package_id from billing_package where package_id in ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
                rs -> {
                    known.add(rs.getString(1));
                }, ids.toArray());
        java.util.Map<String, Instant> approvals = approvalTimes(candidates);
        Set<String> issued = new LinkedHashSet<>();
        List<Object[]> rows = new ArrayList<>();
        Timestamp now = Timestamp.from(at);
        for (Candidate candidate : candidates) {
            BillingPackage pkg = candidate.pkg();
            if (known.contains(pkg.id().value()) || !issued.add(pkg.id().value())) {
                continue;
            }
            rows.add(new Object[] {pkg.id().value(), pkg.contractId().value(), pkg.erpTarget().name(),
                pkg.trigger().kind().name(), pkg.trigger().key(), pkg.currency().getCurrencyCode(),
                pkg.totals().net().amount(), pkg.totals().tax().amount(),
                pkg.totals().retentionWithheld().amount(), pkg.totals().amountDue().amount(), pkg.ruleSetVersion(),
                candidate.messageId(), now, linesOf(pkg), approvedAt(pkg, approvals)});
        }
        Batches.run(batchJdbc, "insert into billing_package (package_id, contract_id, erp_target, trigger_kind, "
                + "trigger_key, currency, net, tax, retention, amount_due, rule_set_version, message_id, created_at, "
                + "lines, approved_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return issued;
    }

    /**
     * When each source event of the candidates' lines happened (its CloudEvents time, or when it was received):
     * one read, in chunks, for every line of the batch.
     */
    private java.util.Map<String, Instant> approvalTimes(List<Candidate> candidates) {
        List<String> sources = candidates.stream().flatMap(c -> c.pkg().lines().stream())
                .flatMap(line -> line.receipt().sourceEventIds().stream()).distinct().toList();
        java.util.Map<String, Instant> times = new java.util.HashMap<>();
        for (int from = 0; from < sources.size(); from += 500) {
            List<String> chunk = sources.subList(from, Math.min(sources.size(), from + 500));
            batchJdbc.query("select message_id, coalesce(event_time, received_at) from event_log where message_id in ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> {
                        times.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                    }, chunk.toArray());
        }
        return times;
    }

    /** When the package's oldest item was approved: where approval-to-ERP latency starts. */
    private static Timestamp approvedAt(BillingPackage pkg, java.util.Map<String, Instant> approvals) {
        return pkg.lines().stream().flatMap(line -> line.receipt().sourceEventIds().stream())
                .map(approvals::get).filter(java.util.Objects::nonNull).min(Instant::compareTo)
                .map(Timestamp::from).orElse(null);
    }

    /**
     * A package line as its receipt keeps it: amounts as decimal strings, the rules in firing order; the unit,
     * the charge before a limit and the limit's words when one cut it; on a credit note, the invoice line it
     * credits.
     */
    record StoredLine(int line, String itemId, String kind, String description, String quantity, String net,
                      String taxRate, String tax, String retention, String taxCitation, List<String> rules,
                      int contractVersion, List<String> sourceEvents, String unit, String gross, String adjustment,
                      Integer creditedLine) {
    }

    private static String linesOf(BillingPackage pkg) {
        List<StoredLine> lines = pkg.lines().stream().map(l -> new StoredLine(l.lineNo(), l.itemId(), l.kind().name(),
                l.description(), l.quantity() == null ? null : l.quantity().toPlainString(),
                l.net().amount().toPlainString(), l.taxRate().toPlainString(), l.tax().amount().toPlainString(),
                l.retention().amount().toPlainString(), l.taxCitation(), l.receipt().rules(),
                l.receipt().contractVersion(), l.receipt().sourceEventIds(), l.unit().name(),
                l.gross().amount().toPlainString(), l.adjustment(), l.creditedLine())).toList();
        return WireJson.mapper().writeValueAsString(lines);
    }
}
