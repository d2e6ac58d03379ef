package io.billwright.simulations.overrides;

import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.RetentionTaxPoint;
import io.billwright.engine.contract.RetentionTerms;
import io.billwright.engine.event.BillingEvent;
import io.billwright.engine.event.ContractReceived;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Retention terms from a finance user's table, applied to the candidate's contracts as they arrive ("what
 * if retention drops from 10% to 5% for new contracts"). Columns: {@code Retention %} (0 removes retention),
 * and optionally {@code Effective from} (contracts whose version takes effect on or after this date),
 * {@code Billing model}, {@code Customer} (customer id) and {@code Cap} (an amount in each contract's own
 * currency; otherwise the contract's own cap is kept). The first row that matches a contract decides; a contract no row matches keeps its
 * terms.
 */
public final class RetentionTable implements UnaryOperator<BillingEvent> {

    static final String PERCENT = "Retention %";
    static final String FROM = "Effective from";
    static final String MODEL = "Billing model";
    static final String CUSTOMER = "Customer";
    static final String CAP = "Cap";

    /** One row, checked. */
    private record Term(long line, LocalDate from, String billingModel, String customer, BigDecimal percent, BigDecimal cap) {

        /**
         * {@code retention 5 % for contracts from 2026-07-01}; {@code no retention for fixed price contracts of
         * customer CUST-7}; {@code retention 10 % for every contract, capped at 100000.00}.
         */
        String inWords() {
            String what = percent.signum() == 0 ? "no retention" : "retention " + percent.toPlainString() + " %";
            StringBuilder whom = new StringBuilder(" for ");
            if (billingModel == null && customer == null && from == null) {
                whom.append("every contract");
            } else {
                if (billingModel != null) {
                    whom.append(billingModel.toLowerCase(Locale.ROOT).replace('_', ' ')).append(' ');
                }
                whom.append("contracts");
                if (customer != null) {
                    whom.append(" of customer ").append(customer);
                }
                if (from != null) {
                    whom.append(" from ").append(from);
                }
            }
            String capped = cap == null || percent.signum() == 0 ? ""
                    : ", capped at " + cap.toPlainString() + " in each contract's currency";
            return what + whom + capped;
        }

        boolean matches(Contract contract) {
            return (from == null || !contract.effectiveFrom().isBefore(from))
                    && (billingModel == null || billingModel.equalsIgnoreCase(contract.billingModel()))
                    && (customer == null || customer.equalsIgnoreCase(contract.customer().id()));
        }
    }

    private final Path file;
    private final List<Term> terms;
    private final java.util.Set<Long> matched = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private RetentionTable(Path file, List<Term> terms) {
        this.file = file;
        this.terms = terms;
    }

    /** The rows no contract matched so far, as {@code file:line: ...} warnings (a typo reads as "no change"). */
    public List<String> unmatchedRows() {
        return terms.stream().filter(term -> !matched.contains(term.line()))
                .map(term -> file + ":" + term.line() + ": matched no contract").toList();
    }

    /**
     * The table in words, a sentence per row in its order ({@code retention 5 % for contracts from 2026-07-01}); a
     * contract takes the first row that matches it.
     */
    public List<String> inWords() {
        return terms.stream().map(Term::inWords).toList();
    }

    public static RetentionTable read(Path file) {
        List<ParameterTable.Row> rows = ParameterTable.read(file, List.of(PERCENT),
                List.of(FROM, MODEL, CUSTOMER, CAP));
        return new RetentionTable(file, rows.stream().map(row -> term(file, row)).toList());
    }

    @Override
    public BillingEvent apply(BillingEvent event) {
        if (!(event instanceof ContractReceived received)) {
            return event;
        }
        Contract contract = received.contract();
        for (Term term : terms) {
            if (term.matches(contract)) {
                matched.add(term.line());
                return new ContractReceived(received.id(), withRetention(contract, term));
            }
        }
        return event;
    }

    private static Contract withRetention(Contract c, Term term) {
        RetentionTerms retention = null;
        if (term.percent().signum() > 0) {
            BigDecimal cap = term.cap() != null ? term.cap() : c.retention() == null ? null : c.retention().cap();
            RetentionTaxPoint point = c.retention() == null ? RetentionTaxPoint.AT_INVOICE : c.retention().taxPoint();
            BigDecimal capPercent = term.cap() != null || c.retention() == null ? null : c.retention().capPercent();
            retention = new RetentionTerms(term.percent(), cap, point, capPercent);
        }
        return new Contract(c.id(), c.version(), c.status(), c.effectiveFrom(), c.endDate(), c.customer(), c.seller(),
                c.currency(), c.billingModel(), c.rateCard(), c.notToExceed(), c.milestones(), c.schedule(),
                c.retainer(), retention, c.expensePolicy(), c.subcontractorMarkupPercent(), c.erpTarget(),
                c.contractValue());
    }

    private static Term term(Path file, ParameterTable.Row row) {
        BigDecimal percent = decimal(file, row, PERCENT);
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new TableProblem(file, row.line(), "column " + PERCENT + ": " + row.get(PERCENT)
                    + " is not between 0 and 100");
        }
        LocalDate from = null;
        if (row.get(FROM) != null) {
            try {
                from = LocalDate.parse(row.get(FROM));
            } catch (DateTimeParseException e) {
                throw new TableProblem(file, row.line(), "column " + FROM + ": '" + row.get(FROM)
                        + "' is not a date like 2026-07-01");
            }
        }
        BigDecimal cap = row.get(CAP) == null ? null : decimal(file, row, CAP);
        if (cap != null && cap.signum() < 0) {
            throw new TableProblem(file, row.line(), "column " + CAP + ": a cap cannot be negative");
        }
        String model = row.get(MODEL) == null ? null : row.get(MODEL).toUpperCase(Locale.ROOT).replace(' ', '_');
        if (model != null && io.billwright.engine.contract.BillingModel.fromCode(model).isEmpty()) {
            throw new TableProblem(file, row.line(), "column " + MODEL + ": '" + row.get(MODEL) + "' is not a billing "
                    + "model; the models are " + java.util.Arrays.toString(io.billwright.engine.contract.BillingModel.values()));
        }
        return new Term(row.line(), from, model, row.get(CUSTOMER), percent, cap);
    }

    private static BigDecimal decimal(Path file, ParameterTable.Row row, String column) {
        try {
            return new BigDecimal(row.get(column).replace("%", "").trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new TableProblem(file, row.line(), "column " + column + ": '" + row.get(column)
                    + "' is not a number");
        }
    }
}
