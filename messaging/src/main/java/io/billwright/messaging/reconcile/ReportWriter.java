package io.billwright.messaging.reconcile;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a reconciliation for people (a summary and one sentence per drift), as CSV, or as JSON. */
final class ReportWriter {

    /** The formats of {@code --format}. */
    enum Format { TEXT, CSV, JSON }

    static final List<String> CSV_HEADER = List.of("contract", "kind", "area", "subject", "stored", "replayed",
            "cause");

    private ReportWriter() {
    }

    static void write(ReconcileReport report, Format format, PrintWriter out) {
        switch (format) {
            case TEXT -> text(report, out);
            case CSV -> csv(report, out);
            case JSON -> json(report, out);
        }
        out.flush();
    }

    /** The summary, then every warning and every drift, one line each. */
    static void text(ReconcileReport report, PrintWriter out) {
        summary(report, out);
        report.warnings().forEach(warning -> out.println("warning: " + warning));
        report.drifts().forEach(drift -> out.println("- " + drift.text()));
    }

    /** Contracts checked, events replayed, rule sets used, and the drifts by kind (or that there is none). */
    static void summary(ReconcileReport report, PrintWriter out) {
        out.printf("reconcile: %,d contract(s) checked, %,d event(s) replayed, %,d package(s) in the database%n",
                report.contracts(), report.events(), report.packages());
        if (!report.ruleSets().isEmpty()) {
            out.println("replayed with " + report.ruleSets().entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + " message(s))").collect(Collectors.joining(", ")));
        }
        if (report.noDrift()) {
            out.println("no drift: the stored state, the packages and the broker agree with a replay of the event log");
            return;
        }
        out.println("drift: " + report.drifts().size() + " (" + report.byKind().entrySet().stream()
                .map(e -> e.getKey().name() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")");
    }

    static void csv(ReconcileReport report, PrintWriter out) {
        out.println(String.join(",", CSV_HEADER));
        for (Drift drift : report.drifts()) {
            out.println(List.of(drift.contractId(), drift.kind().name(), drift.kind().area().name(), drift.subject(),
                    drift.stored(), drift.replayed(), drift.cause()).stream().map(ReportWriter::cell)
                    .collect(Collectors.joining(",")));
        }
    }

    static void json(ReconcileReport report, PrintWriter out) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("contracts", report.contracts());
        document.put("events", report.events());
        document.put("packages", report.packages());
        document.put("ruleSets", report.ruleSets());
        document.put("noDrift", report.noDrift());
        Map<String, Long> byKind = new LinkedHashMap<>();
        report.byKind().forEach((kind, count) -> byKind.put(kind.name(), count));
        document.put("driftsByKind", byKind);
        document.put("drifts", report.drifts());
        document.put("warnings", report.warnings());
        out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(document));
    }

    /** A CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
