package io.billwright.simulations.report;

import io.billwright.simulations.compare.Comparison;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Every report of a run, written into one folder. */
public final class Reports {

    public static final String HTML = "report.html";

    private Reports() {
    }

    public static void writeAll(Comparison comparison, Path folder) {
        CsvReports.write(comparison, folder);
        XlsxReport.write(comparison, folder);
        try {
            HtmlReport.write(comparison, folder.resolve(HTML));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(HTML), e);
        }
    }
}
