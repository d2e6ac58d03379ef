package io.billwright.messaging.chaos;

import io.billwright.engine.BillingEngine;
import io.billwright.engine.Outcome;
import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.event.BillingEvent;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.contract.ContractId;
import io.billwright.messaging.processing.OutboundMessages;
import io.billwright.simulations.input.EventFiles;
import io.billwright.simulations.input.LoadedEvents;
import io.billwright.simulations.run.Side;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the service must publish for a file of events: the what-if simulator's packages (its reader, its
 * redelivery rules, its per-contract replay), each with the message that issued it, so the expected ERP
 * message can be built by the service's own outbound mapping.
 */
final class SimulatorReference {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An expected package: the package, the contract version it was issued under, and its correlation id. */
    record Expected(BillingPackage pkg, Contract contract, String correlationId) {
    }

    private final Map<String, Expected> packages;
    private final long messages;

    private SimulatorReference(Map<String, Expected> packages, long messages) {
        this.packages = packages;
        this.messages = messages;
    }

    static SimulatorReference of(Path file, RuleSet ruleSet) {
        Map<String, String> correlation = correlationIds(file);
        LoadedEvents events = new EventFiles(false).read(List.of(file), done -> { });
        BillingEngine engine = BillingEngine.using(ruleSet);
        Side simulator = Side.of(ruleSet);
        Map<String, Expected> expected = new LinkedHashMap<>();
        for (Map.Entry<String, List<BillingEvent>> contract : events.byContract().entrySet()) {
            ContractState state = ContractState.empty(new ContractId(contract.getKey()));
            List<BillingPackage> issued = new ArrayList<>();
            for (BillingEvent event : contract.getValue()) {
                Outcome outcome = engine.apply(event, state);
                for (BillingPackage pkg : outcome.packages()) {
                    issued.add(pkg);
                    expected.putIfAbsent(pkg.id().value(), new Expected(pkg,
                            outcome.state().versions().get(pkg.contractVersion()), correlation.get(event.id().value())));
                }
                state = outcome.state().settled();
            }
            List<BillingPackage> simulated = simulator.replay(contract.getKey(), contract.getValue()).packages();
            if (!simulated.equals(issued)) {
                throw new IllegalStateException("the simulator and the engine disagree on contract " + contract.getKey());
            }
        }
        return new SimulatorReference(expected, correlation.size());
    }

    /** Every message id of the file with its correlation id (its own id when it has none), as the service reads it. */
    private static Map<String, String> correlationIds(Path file) {
        Map<String, String> ids = new HashMap<>();
        try (var lines = Files.lines(file)) {
            lines.filter(line -> !line.isBlank()).forEach(line -> {
                JsonNode event = JSON.readTree(line);
                String id = event.path("id").asString();
                ids.put(id, event.path("correlationid").asString(id));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    Map<String, Expected> packages() {
        return packages;
    }

    /** Distinct message ids in the file. */
    long messages() {
        return messages;
    }

    /** The ERP message the service must publish for a package, by its own mapping; only {@code time} may differ. */
    static String expectedBody(Expected expected, OutboundMessages outbound) {
        return outbound.forPackage(expected.pkg(), expected.contract(), expected.correlationId()).body();
    }
}
