package io.billwright.messaging.reconcile;

import io.billwright.events.EventDecoder;
import io.billwright.events.InboundSchemas;
import io.billwright.events.MessageReader;
import io.billwright.messaging.store.StateCodec;
import io.billwright.messaging.tools.DatabaseOptions;
import io.billwright.messaging.tools.ToolLogging;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code reconcile}: replays the service's event log through the engine, each message with the rule set that
 * decided it, and reports every way the database and the broker differ from the replay: items that stand
 * otherwise in the stored state, packages issued that the replay does not issue (or the reverse, or with other
 * figures), and packages the broker never confirmed.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replay the service's event log through the engine, each message with the",
            "rule set that decided it, and report every drift of the stored state, the",
            "packages issued and the broker's confirmations from the replay, with its cause.",
            "Reads the database the service uses: SPRING_DATASOURCE_URL, _USERNAME and",
            "_PASSWORD, or the embedded default ./data/billwright."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no drift", "1:drift found (each one is listed with its cause)", "2:usage",
            "3:the database cannot be read"})
public final class ReconcileCommand implements Callable<Integer> {

    /** The largest logged message the replay reads: the service accepted each one once, so be generous. */
    private static final int MAX_MESSAGE_BYTES = 64 << 20;

    @Option(names = "--contract", paramLabel = "ID", description = "Check this contract only (default: every one)")
    String contract;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "text (default), csv or json: the drifts as a table or a document; the summary then goes"
                    + " to standard error, or to standard output with --out")
    ReportWriter.Format format = ReportWriter.Format.TEXT;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the report to FILE (default: standard"
            + " output)")
    Path out;

    @Option(names = "--releases", paramLabel = "DIR", description = "The folder of signed rule-set releases, to replay"
            + " a message with the release that decided it (default: BILLWRIGHT_RULES_RELEASES)")
    Path releases = envPath("BILLWRIGHT_RULES_RELEASES");

    @Option(names = "--trusted-keys", paramLabel = "DIR", description = "The folder of the release signers' public"
            + " keys (default: BILLWRIGHT_RULES_TRUSTED_KEYS)")
    Path trustedKeys = envPath("BILLWRIGHT_RULES_TRUSTED_KEYS");

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ToolLogging.quietRuleCompiler();
        ReconcileReport report;
        try (Connection connection = database.connect()) {
            oneSnapshot(connection);
            ServiceDatabase service = new ServiceDatabase(connection, new StateCodec());
            List<String> contracts;
            if (contract != null) {
                if (!service.knows(contract)) {
                    err.println("reconcile: no contract " + contract + " in " + database.url() + ": no state, no"
                            + " logged message and no package names it");
                    return 2;
                }
                contracts = List.of(contract);
            } else {
                contracts = service.contractIds();
            }
            ContractReplay replay = new ContractReplay(new MessageReader(new InboundSchemas(), new EventDecoder(),
                    MAX_MESSAGE_BYTES), ReplayRuleSets.of(releases, trustedKeys), service.timeline());
            report = new ReconcileRun(service, replay).run(contracts);
            connection.rollback(); // read only: nothing to keep
        } catch (SQLException e) {
            database.explain("the service's database", e).forEach(line -> err.println("reconcile: " + line));
            return 3;
        }
        try {
            write(report);
        } catch (IOException e) {
            err.println("reconcile: cannot write " + out + ": " + e.getMessage());
            return 2;
        }
        return report.noDrift() ? 0 : 1;
    }

    /**
     * Every read in one read-only transaction at repeatable read: on PostgreSQL one snapshot, so a running
     * service's writes between two reads never show as drift.
     */
    private static void oneSnapshot(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        try {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        } catch (SQLException unsupported) {
            // the driver's default isolation: reads may see writes made between them
        }
    }

    private void write(ReconcileReport report) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            if (format != ReportWriter.Format.TEXT) {
                ReportWriter.summary(report, spec.commandLine().getErr());
                report.warnings().forEach(warning -> spec.commandLine().getErr().println("warning: " + warning));
                spec.commandLine().getErr().flush();
            }
            ReportWriter.write(report, format, stdout);
            return;
        }
        try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            ReportWriter.write(report, format, file);
            if (file.checkError()) {
                throw new IOException("the write failed");
            }
        }
        ReportWriter.summary(report, stdout);
        report.warnings().forEach(warning -> stdout.println("warning: " + warning));
        stdout.println((format == ReportWriter.Format.TEXT ? "report" : format.name().toLowerCase(Locale.ROOT))
                + " written to " + out);
        stdout.flush();
    }

    /** {@code text}, {@code csv} or {@code json}, in any case. */
    static final class FormatConverter implements ITypeConverter<ReportWriter.Format> {
        @Override
        public ReportWriter.Format convert(String value) {
            try {
                return ReportWriter.Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a format: text, csv or json");
            }
        }
    }

    private static Path envPath(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : Path.of(value);
    }
}
