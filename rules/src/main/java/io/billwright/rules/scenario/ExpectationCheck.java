package io.billwright.rules.scenario;

import io.billwright.engine.Outcome;
import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.decision.Decision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Compares one step's outcome with its expectation and lists every difference in plain words. */
final class ExpectationCheck {

    private final Expectation expected;
    private final Outcome actual;
    private final List<String> failures = new ArrayList<>();

    ExpectationCheck(Expectation expected, Outcome actual) {
        this.expected = expected;
        this.actual = actual;
    }

    List<String> failures() {
        if (expected.duplicate() != null && expected.duplicate() != actual.duplicate()) {
            failures.add("duplicate: expected " + expected.duplicate() + ", actual " + actual.duplicate());
        }
        if (expected.decisions() != null) {
            checkDecisions(expected.decisions(), actual.decisions());
        }
        if (expected.packages() != null) {
            checkPackages(expected.packages(), actual.packages());
        }
        return failures;
    }

    private void checkDecisions(List<Expectation.ExpectedDecision> want, List<Decision> got) {
        if (want.size() != got.size()) {
            failures.add("expected " + want.size() + " decision(s), actual " + got.size() + ": " + got);
            return;
        }
        for (int i = 0; i < want.size(); i++) {
            var w = want.get(i);
            Decision g = got.get(i);
            String at = "decision " + (i + 1) + " (" + g.itemId() + ")";
            same(at, "item", w.item(), g.itemId());
            same(at, "status", w.status(), g.status());
            if (w.status() != null && !w.status().equals(g.status()) && !g.detail().isBlank()) {
                failures.add(at + " was " + g.status() + (g.reason() == null ? "" : " " + g.reason()) + " because: "
                        + g.detail() + " (rules " + g.receipt().rules() + ")");
            }
            if (w.reason() != null || g.reason() != null) {
                same(at, "reason", w.reason(), g.reason());
            }
            amount(at, "amount", w.amount(), g.amount().amount());
            if (w.rules() != null && !g.receipt().rules().containsAll(w.rules())) {
                failures.add(at + " rules: expected to include " + w.rules() + ", actual " + g.receipt().rules());
            }
            if (w.detail() != null && !g.detail().contains(w.detail())) {
                failures.add(at + " detail: expected to contain '" + w.detail() + "', actual '" + g.detail() + "'");
            }
        }
    }

    private void checkPackages(List<Expectation.ExpectedPackage> want, List<BillingPackage> got) {
        if (want.size() != got.size()) {
            failures.add("expected " + want.size() + " package(s), actual " + got.size() + ": "
                    + got.stream().map(p -> p.trigger() + " net " + p.totals().net()).collect(Collectors.joining(", ")));
            return;
        }
        for (int i = 0; i < want.size(); i++) {
            var w = want.get(i);
            BillingPackage g = got.get(i);
            String at = "package " + (i + 1) + " (" + g.trigger() + ")";
            if (w.trigger() != null) {
                // a credit note's trigger ends with the invoice it credits: "CREDIT_NOTE:2026-02" matches it
                String trigger = g.trigger().toString();
                boolean creditNoteOf = g.isCreditNote() && trigger.startsWith(w.trigger() + "/");
                if (!creditNoteOf) {
                    same(at, "trigger", w.trigger(), trigger);
                }
            }
            amount(at, "net", w.net(), g.totals().net().amount());
            amount(at, "tax", w.tax(), g.totals().tax().amount());
            amount(at, "retention", w.retention(), g.totals().retentionWithheld().amount());
            amount(at, "due", w.due(), g.totals().amountDue().amount());
            if (w.treatment() != null) {
                same(at, "treatment", w.treatment(), g.taxTreatment());
            }
            if (w.taxRate() != null && !g.lines().isEmpty()) {
                amount(at, "taxRate", w.taxRate(), g.lines().get(0).taxRate());
            }
            if (w.lines() != null) {
                same(at, "lines", w.lines(), g.lines().size());
            }
            if (w.rules() != null) {
                List<String> fired = new ArrayList<>(g.retentionRules());
                g.lines().forEach(l -> fired.addAll(l.receipt().rules()));
                if (!fired.containsAll(w.rules())) {
                    failures.add(at + " rules: expected to include " + w.rules() + ", actual " + fired.stream().distinct().toList());
                }
            }
        }
    }

    private void same(String at, String field, Object want, Object got) {
        if (!Objects.equals(want, got)) {
            failures.add(at + " " + field + ": expected " + want + ", actual " + got);
        }
    }

    private void amount(String at, String field, BigDecimal want, BigDecimal got) {
        if (want != null && want.compareTo(got) != 0) {
            failures.add(at + " " + field + ": expected " + want.toPlainString() + ", actual " + got.toPlainString());
        }
    }
}
