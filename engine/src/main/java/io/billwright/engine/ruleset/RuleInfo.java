package io.billwright.engine.ruleset;

/** A rule's name, its package and its {@code @description} metadata (empty when it has none). */
public record RuleInfo(String packageName, String name, String description) {
}
