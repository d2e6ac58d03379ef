package io.billwright.engine.ruleset;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The decisions the engine makes itself, each named and described like a rule of a rule set, so that a
 * receipt names the rule behind every outcome and {@code coverage} counts these beside the analysts' rules.
 * They are fixed, part of every rule set, and cannot be replaced by rule files: they are what keeps a gap or
 * a contradiction in the rules from billing or dropping an item.
 */
public enum EngineRule {

    PRECEDENCE("Engine: a rejection outranks a hold, a hold outranks a charge",
            "When rules conclude different things about one item, any rejection decides it; otherwise any hold;"
                    + " otherwise the charges; an item only tracked is tracked. The conclusions that lost are"
                    + " not applied."),
    NO_RULE_MATCHED("Engine: an item no rule decided is held",
            "An item about which no rule concluded anything is held (NO_RULE_MATCHED), so that a gap in the rule"
                    + " set can never bill or drop an item silently."),
    CHARGE_RULES_CONFLICT("Engine: charges from two rules hold the item",
            "Two rules that each price the same item are never added up: the item is held"
                    + " (CHARGE_RULES_CONFLICT) and the receipt names both rules and what each charged (ADR 0011)."),
    NEGATIVE_CHARGE("Engine: a negative charge is rejected",
            "Rules that price an item below zero are wrong: the item is rejected (NEGATIVE_AMOUNT); a credit is"
                    + " never made by a negative charge."),
    RULE_TIMEOUT("Engine: rules still firing past the time limit hold the item",
            "An evaluation still firing after the rule set's time limit is halted and the item held"
                    + " (RULE_TIMEOUT), never guessed."),
    ALREADY_BILLED("Engine: a billed item is not billed again by a change",
            "A time entry, expense or milestone already in a package is not billed again when it changes: the"
                    + " change is recorded as ALREADY_BILLED, for a credit note or a correction to settle."),
    CURRENCY_MISMATCH("Engine: an item priced in another currency waits for the contract's currency",
            "A period close does not bill an item priced under a contract version in another currency than the"
                    + " one billing now: it is held (CURRENCY_MISMATCH) until an amendment prices it again."),
    TAX_RATE_MISSING("Engine: no package without a tax rate",
            "A package is issued only when the tax rules give it a rate; otherwise its items are held"
                    + " (TAX_RATE_MISSING) until the tax table covers the jurisdiction."),
    TAX_RULES_CONFLICT("Engine: two tax rates for one package hold it",
            "When tax rules give one package two different rates, no package is issued and its items are held"
                    + " (TAX_RULES_CONFLICT), naming both rules."),
    CREDIT_DIFFERENCE_ONLY_DOWN("Engine: only a decrease is credited by its difference",
            "A settlement that credits the difference applies when the item is now worth less; an increase is"
                    + " credited in full and billed again, so every invoice line stays as it was issued or is"
                    + " credited whole."),
    BILLED_IN_PARTS("Engine: a correction of an item billed in parts is held for review",
            "An item whose remainder a cap held was billed on a later invoice is on two invoices: a correction of it"
                    + " is held (CORRECTION_REVIEW) for a person to settle, rather than credited from one of them."),
    STALE_CONTRACT_VERSION("Engine: a contract version number is never reused with other terms",
            "A contract version received again with different terms is rejected (STALE_CONTRACT_VERSION): an"
                    + " amendment needs a new version number."),
    MANUAL_RELEASE("Engine: a held item finance released is billed",
            "Finance released a held item by hand, with a second person's approval (a manual decision): it is"
                    + " eligible for the amount it was held for and billed at the next close like any eligible item."
                    + " The decision names who requested it, who approved it and why. The rules do not hold it again"
                    + " unless the item itself changes."),
    MANUAL_WRITE_OFF("Engine: a held item finance wrote off is never billed",
            "Finance wrote a held item off by hand, with a second person's approval (a manual decision): it is"
                    + " rejected (WRITTEN_OFF) for the amount it was held for. The decision names who requested it,"
                    + " who approved it and why. The rules do not decide it again unless the item itself changes.");

    /** The package every engine rule is listed under, in coverage and in a release's manifest. */
    public static final String PACKAGE = "billwright.engine";

    private static final Map<String, EngineRule> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EngineRule::ruleName, Function.identity()));

    private final String ruleName;
    private final String description;

    EngineRule(String ruleName, String description) {
        this.ruleName = ruleName;
        this.description = description;
    }

    /** The name receipts carry. */
    public String ruleName() {
        return ruleName;
    }

    public String description() {
        return description;
    }

    public RuleInfo info() {
        return new RuleInfo(PACKAGE, ruleName, description);
    }

    /** Every engine rule, in declaration order. */
    public static List<RuleInfo> all() {
        return Arrays.stream(values()).map(EngineRule::info).toList();
    }

    /** The description of the engine rule of that name, or null when no engine rule has it. */
    public static String describe(String ruleName) {
        EngineRule rule = BY_NAME.get(ruleName);
        return rule == null ? null : rule.description;
    }

    public static boolean isEngineRule(String ruleName) {
        return BY_NAME.containsKey(ruleName);
    }

    /**
     * The rule behind a decision, from its receipt's rules in order: the last one, passing over the engine's
     * precedence (which only says that a rejection or hold outranked a charge, not why); null for none.
     */
    public static String ruleBehind(List<String> rules) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            if (!rules.get(i).equals(PRECEDENCE.ruleName())) {
                return rules.get(i);
            }
        }
        return rules.isEmpty() ? null : rules.get(rules.size() - 1);
    }
}
