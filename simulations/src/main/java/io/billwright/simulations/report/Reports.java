package io.billwright.simulations.report;

import io.billwright.simulations.compare.Comparison;
import java.nio.file.Path;

/** Every report of a run, written into one folder. */
public final class Reports {

    private Reports() {
    }

    public static void writeAll(Comparison comparison, Path folder) {
        CsvReports.write(comparison, folder);
        XlsxReport.write(comparison, folder);
    }
}
