package io.billwright.messaging.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The report as people read it, as a table and as a document. */
class ReportWriterTest {

    private static final Drift DRIFT = new Drift("C-7", DriftKind.OUTBOX_PARKED, "PKG-1",
            "outbox row parked: NOT_FOUND, no exchange", "", "the ERP has \"not\" received it",
            "package PKG-1 of contract C-7: issued, never confirmed by the broker");

    private static String write(ReconcileReport report, ReportWriter.Format format) {
        StringWriter text = new StringWriter();
        ReportWriter.write(report, format, new PrintWriter(text));
        return text.toString();
    }

    @Test
    void theSummarySaysWhenThereIsNoDrift() {
        ReconcileReport report = new ReconcileReport(2, 9, 3, new java.util.TreeMap<>(Map.of("default@1111", 9L)),
                List.of(), List.of());

        assertThat(write(report, ReportWriter.Format.TEXT)).isEqualTo(String.join(System.lineSeparator(),
                "reconcile: 2 contract(s) checked, 9 event(s) replayed, 3 package(s) in the database",
                "replayed with default@1111 (9 message(s))",
                "no drift: the stored state, the packages and the broker agree with a replay of the event log", ""));
    }

    @Test
    void theSummaryCountsDriftsByKindAndListsEach() {
        ReconcileReport report = new ReconcileReport(1, 4, 1, new java.util.TreeMap<>(), List.of(DRIFT),
                List.of("contract C-7: 1 message(s) decided with release X"));

        assertThat(write(report, ReportWriter.Format.TEXT)).contains("drift: 1 (OUTBOX_PARKED 1)")
                .contains("warning: contract C-7: 1 message(s) decided with release X")
                .contains("- package PKG-1 of contract C-7: issued, never confirmed by the broker");
    }

    @Test
    void csvQuotesWhatNeedsQuoting() {
        ReconcileReport report = new ReconcileReport(1, 4, 1, new java.util.TreeMap<>(), List.of(DRIFT), List.of());

        assertThat(write(report, ReportWriter.Format.CSV).lines().toList()).containsExactly(
                "contract,kind,area,subject,stored,replayed,cause",
                "C-7,OUTBOX_PARKED,BROKER,PKG-1,\"outbox row parked: NOT_FOUND, no exchange\",,"
                        + "\"the ERP has \"\"not\"\" received it\"");
    }

    @Test
    void jsonCarriesTheCountsAndEveryDrift() {
        ReconcileReport report = new ReconcileReport(1, 4, 1, new java.util.TreeMap<>(), List.of(DRIFT), List.of());

        JsonNode document = JsonMapper.builder().build().readTree(write(report, ReportWriter.Format.JSON));

        assertThat(document.get("noDrift").asBoolean()).isFalse();
        assertThat(document.get("driftsByKind").get("OUTBOX_PARKED").asLong()).isEqualTo(1);
        assertThat(document.get("drifts").get(0).get("kind").asString()).isEqualTo("OUTBOX_PARKED");
        assertThat(document.get("drifts").get(0).get("cause").asString()).isEqualTo("the ERP has \"not\" received it");
    }
}
