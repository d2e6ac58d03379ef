package io.billwright.messaging.rulesets;

import java.util.ArrayList;
import java.util.List;

/** An audit trail in a list, for tests of the library without a database. */
final class InMemoryRuleSetAudit implements RuleSetAudit {

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public synchronized long record(Entry entry) {
        long id = entries.size() + 1L;
        entries.add(0, new Entry(id, entry.at(), entry.actor(), entry.action(), entry.outcome(),
                entry.fromVersion(), entry.toVersion(), entry.toSource(), entry.ruleSetHash(), entry.jarSha256(),
                entry.keyId(), entry.reason(), entry.findings(), entry.millis()));
        return id;
    }

    @Override
    public synchronized List<Entry> history(int limit) {
        return List.copyOf(entries.subList(0, Math.min(limit, entries.size())));
    }
}
