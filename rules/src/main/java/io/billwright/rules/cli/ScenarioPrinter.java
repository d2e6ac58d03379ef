package io.billwright.rules.cli;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.billing.PackageLine;
import io.billwright.engine.decision.Decision;
import io.billwright.rules.scenario.ScenarioResult;
import java.io.PrintWriter;
import java.util.Map;

/** Prints a scenario's steps: each decision with the rules behind it, each package with its lines and totals. */
final class ScenarioPrinter {

    private final PrintWriter out;
    private final Map<String, String> descriptions;

    ScenarioPrinter(PrintWriter out, Map<String, String> descriptions) {
        this.out = out;
        this.descriptions = descriptions;
    }

    void print(ScenarioResult result) {
        out.println("== " + result.scenario().title() + "  (" + result.scenario().file() + ")");
        for (ScenarioResult.StepResult step : result.steps()) {
            out.println("step " + step.step().number() + ": " + step.step().label()
                    + (step.outcome().duplicate() ? "  [already applied]" : ""));
            for (Decision decision : step.outcome().decisions()) {
                out.println("  " + decision.status() + " " + decision.itemId() + amount(decision)
                        + (decision.reason() == null ? "" : " " + decision.reason())
                        + (decision.detail().isEmpty() ? "" : " - " + decision.detail()));
                explain(decision.receipt().rules(), "    ");
            }
            for (BillingPackage billingPackage : step.outcome().packages()) {
                printPackage(billingPackage);
            }
            step.outcome().notes().forEach(note -> out.println("  note: " + note));
            step.failures().forEach(failure -> out.println("  EXPECTATION FAILED: " + failure));
        }
        out.println(result.passed() ? "PASSED" : "FAILED");
        out.println();
    }

    /** Items decided before their contract have no currency yet: no amount is shown for them. */
    private static String amount(Decision decision) {
        return "XXX".equals(decision.amount().currency().getCurrencyCode()) ? "" : " " + decision.amount();
    }

    private void printPackage(BillingPackage p) {
        var t = p.totals();
        out.println("  PACKAGE " + p.id() + " " + p.trigger() + " for " + p.customerId() + " -> " + p.erpTarget()
                + " (" + p.taxTreatment() + ")");
        for (PackageLine line : p.lines()) {
            out.println("    " + line.lineNo() + ". " + line.description() + "  net " + line.net() + "  tax "
                    + line.tax() + " @" + line.taxRate().stripTrailingZeros().toPlainString() + "%");
        }
        out.println("    net " + t.net() + " + tax " + t.tax() + " - retention " + t.retentionWithheld()
                + " = due " + t.amountDue());
        if (!p.lines().isEmpty()) {
            out.println("    tax: " + p.lines().get(0).taxCitation());
        }
        explain(p.retentionRules(), "    ");
    }

    private void explain(java.util.List<String> rules, String indent) {
        for (String rule : rules) {
            String description = descriptions.getOrDefault(rule, "");
            out.println(indent + "because \"" + rule + "\"" + (description.isEmpty() ? "" : ": " + description));
        }
    }
}
