package io.billwright.messaging.support;

import io.billwright.events.testing.TestMessages;
import io.billwright.engine.BillingEngine;
import io.billwright.engine.Outcome;
import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.state.InMemoryContractStateStore;
import io.billwright.events.EventDecoder;
import io.billwright.events.InboundMessage;
import io.billwright.events.InboundSchemas;
import io.billwright.events.MessageReader;
import io.billwright.rules.DefaultRuleSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The same messages through the engine in memory, as the simulator runs them: what the service must
 * publish. A test compares the service's packages with these.
 */
public final class InMemoryReference {

    private static RuleSet ruleSet;

    private InMemoryReference() {
    }

    public static synchronized RuleSet ruleSet() {
        if (ruleSet == null) {
            ruleSet = DefaultRuleSet.load();
        }
        return ruleSet;
    }

    public static MessageReader reader() {
        return new MessageReader(new InboundSchemas(), new EventDecoder(), 1 << 20);
    }

    /** The packages the engine issues for {@code messages}, applied in order. */
    public static List<BillingPackage> packages(List<TestMessages.Msg> messages) {
        BillingEngine engine = BillingEngine.using(ruleSet());
        InMemoryContractStateStore store = new InMemoryContractStateStore();
        MessageReader reader = reader();
        List<BillingPackage> packages = new ArrayList<>();
        for (TestMessages.Msg message : messages) {
            InboundMessage inbound = reader.read(message.body().getBytes(StandardCharsets.UTF_8));
            Outcome outcome = engine.apply(inbound.event(), store.loadOrEmpty(inbound.contractId()));
            store.save(outcome.state());
            packages.addAll(outcome.packages());
        }
        return packages;
    }
}
