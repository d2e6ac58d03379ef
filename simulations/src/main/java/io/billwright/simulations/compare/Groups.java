package io.billwright.simulations.compare;

import io.billwright.engine.contract.Contract;
import java.time.YearMonth;

/** The groups an amount belongs to, from the contract version it was decided under. */
record Groups(String billingModel, String customer, String jurisdiction, String month) {

    static Groups of(Contract contract, YearMonth month) {
        String when = month == null ? "(no date)" : month.toString();
        if (contract == null) {
            return new Groups(SideTotals.NO_CONTRACT, SideTotals.NO_CONTRACT, SideTotals.NO_CONTRACT, when);
        }
        return new Groups(contract.billingModel(), customerOf(contract), jurisdictionOf(contract), when);
    }

    /** The contract version an item was decided under: the one in force on its date, else the latest. */
    static java.util.Optional<Contract> contractOf(io.billwright.engine.state.ContractState state,
                                                  io.billwright.engine.state.ItemRecord item) {
        return item.date() == null ? state.latestContract() : state.contractOn(item.date()).or(state::latestContract);
    }

    static String customerOf(Contract contract) {
        String name = contract.customer().name();
        return name == null || name.isBlank() ? contract.customer().id()
                : contract.customer().id() + " " + name;
    }

    static String jurisdictionOf(Contract contract) {
        String region = contract.customer().region();
        return region == null ? contract.customer().country() : contract.customer().country() + "-" + region;
    }
}
