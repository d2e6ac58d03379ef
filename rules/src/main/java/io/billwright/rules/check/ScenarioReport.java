package io.billwright.rules.check;

import java.util.List;
import java.util.Map;

/**
 * What the checking JVM reports on its standard output, as JSON.
 *
 * @param files    one entry per scenario file run, in order; a file cut short by its limit is the last
 * @param coverage how often each rule fired
 * @param stopped  why the run stopped early (a scenario past its limit), or null
 */
public record ScenarioReport(List<FileResult> files, Map<String, Long> coverage, String stopped) {

    /** @param findings every failure, as {@code file:line: severity: message} parts */
    public record FileResult(String file, List<Located> findings) {
    }

    public record Located(String file, int line, String message) {
    }
}
