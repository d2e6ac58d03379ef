package io.billwright.messaging.reconcile;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reconciles contracts one at a time, so memory holds one contract's log and state, never the whole database:
 * reads what the service wrote, replays the contract's event log, and compares.
 */
final class ReconcileRun {

    private final ServiceDatabase database;
    private final ContractReplay replay;
    private final Map<String, List<String>> packageIds;

    ReconcileRun(ServiceDatabase database, ContractReplay replay) throws SQLException {
        this.database = database;
        this.replay = replay;
        this.packageIds = database.packageIds();
    }

    ReconcileReport run(List<String> contractIds) throws SQLException {
        List<Drift> drifts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Long> ruleSets = new TreeMap<>();
        long events = 0;
        int packages = 0;
        for (String contractId : contractIds) {
            List<IssuedPackage> issued = database.packages(packageIds.getOrDefault(contractId, List.of()));
            ReplayedContract replayed = replay.run(contractId, database.events(contractId),
                    recordedVersions(database.decidedVersions(contractId), issued));
            Set<String> ids = new LinkedHashSet<>();
            issued.forEach(p -> ids.add(p.id()));
            replayed.packages().forEach(p -> ids.add(p.id()));
            ContractEvidence evidence = new ContractEvidence(contractId, database.stored(contractId), replayed, issued,
                    database.outbox(ids));
            drifts.addAll(Reconciliation.drifts(evidence));
            replayed.gaps().forEach(gap -> warnings.add("contract " + contractId + ": " + gap.describe()));
            replayed.usedBy().values().forEach(version -> ruleSets.merge(version, 1L, Long::sum));
            events += replayed.events();
            packages += issued.size();
        }
        return new ReconcileReport(contractIds.size(), events, packages, new TreeMap<>(ruleSets), drifts, warnings);
    }

    /**
     * The rule set that decided each message: its decisions' version, else (a message that decided nothing, such
     * as a period close) the version of the packages it issued.
     */
    static Map<String, String> recordedVersions(Map<String, String> decided, List<IssuedPackage> issued) {
        Map<String, String> versions = new HashMap<>(decided);
        for (IssuedPackage pkg : issued) {
            if (pkg.figures().messageId() != null && pkg.figures().ruleSetVersion() != null) {
                versions.putIfAbsent(pkg.figures().messageId(), pkg.figures().ruleSetVersion());
            }
        }
        return versions;
    }
}
