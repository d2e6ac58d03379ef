package io.billwright.messaging.operations;

import io.billwright.engine.contract.ContractId;
import io.billwright.engine.reconcile.ContractReconciliation;
import io.billwright.engine.reconcile.Reconciler;
import io.billwright.engine.state.ContractState;
import io.billwright.messaging.store.ContractStateRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reconciliation as the service serves it: the engine's figures for a contract's stored state, beside the
 * packages the database holds for it and where each stands with the ERP (sent but unacknowledged past the
 * configured time, rejected with the ERP's reason).
 */
public final class Reconciliations {

    /** One contract: the engine's reconciliation, and its packages as the ERP sees them. */
    public record ContractView(ContractReconciliation figures, Map<String, BigDecimal> amountDueByDocument,
                               List<ErpStatuses.PackageStatus> unacknowledged, List<ErpStatuses.PackageStatus> rejected,
                               int packages) {
    }

    private final ContractStateRepository states;
    private final ErpStatuses statuses;

    public Reconciliations(ContractStateRepository states, ErpStatuses statuses) {
        this.states = states;
        this.statuses = statuses;
    }

    /** The contract on {@code asOf}, or null when the service has no state for it. */
    public ContractView contract(String contractId, LocalDate asOf) {
        ContractState state = states.readWhole(new ContractId(contractId));
        if (!state.hasContract() && state.items().isEmpty()) {
            return null;
        }
        List<ErpStatuses.PackageStatus> packages = statuses.list(null, contractId, Integer.MAX_VALUE);
        Map<String, BigDecimal> byDocument = new TreeMap<>();
        packages.forEach(p -> byDocument.merge(p.document(), p.amountDue(), BigDecimal::add));
        return new ContractView(Reconciler.reconcile(state, asOf), byDocument,
                packages.stream().filter(p -> p.standing().equals(ErpStatuses.Standing.UNACKNOWLEDGED.name())).toList(),
                packages.stream().filter(p -> p.standing().equals(ErpStatuses.Standing.REJECTED.name())).toList(),
                packages.size());
    }

    /** Every contract on {@code asOf}, in id order: the portfolio export. */
    public List<ContractReconciliation> portfolio(LocalDate asOf) {
        return states.contractIds().stream()
                .map(id -> Reconciler.reconcile(states.readWhole(new ContractId(id)), asOf)).toList();
    }
}
