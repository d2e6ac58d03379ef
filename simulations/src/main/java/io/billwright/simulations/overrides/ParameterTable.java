package io.billwright.simulations.overrides;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A finance user's table (CSV with a header row, as Excel saves it): its rows by column name. Columns are
 * matched without regard to case or surrounding spaces; an unknown or missing column is an error naming the
 * file and the columns this table takes.
 */
public final class ParameterTable {

    /** One data row: its line in the file and its values by canonical column name (blank cells absent). */
    public record Row(long line, Map<String, String> values) {

        public String get(String column) {
            return values.get(column);
        }
    }

    private ParameterTable() {
    }

    /**
     * @param required columns every table must have, as they are documented
     * @param optional columns a table may have
     */
    public static List<Row> read(Path file, List<String> required, List<String> optional) {
        Map<String, String> known = new LinkedHashMap<>();
        required.forEach(column -> known.put(normal(column), column));
        optional.forEach(column -> known.put(normal(column), column));
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
                     .setAllowMissingColumnNames(true)
                     .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get().parse(in)) {
            List<String> header = csv.getHeaderNames();
            Set<String> present = new TreeSet<>();
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c);
                String name = known.get(normal(stripBom(column)));
                if (name == null) {
                    throw new TableProblem(file, 1, "unknown column '" + stripBom(column) + "'; this table takes "
                            + describe(required, optional));
                }
                if (!present.add(name)) {
                    throw new TableProblem(file, 1, "column '" + name + "' appears twice (column " + (c + 1)
                            + " and an earlier one)");
                }
            }
            for (String column : required) {
                if (!present.contains(column)) {
                    throw new TableProblem(file, 1, "missing column '" + column + "'; this table takes "
                            + describe(required, optional));
                }
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : csv) {
                if (record.size() > header.size()) {
                    throw new TableProblem(file, csv.getCurrentLineNumber(), "this row has " + record.size()
                            + " cells, the header " + header.size() + ": a value without a column");
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (String column : header) {
                    String value = record.isSet(column) ? record.get(column).trim() : "";
                    if (!value.isEmpty()) {
                        values.put(known.get(normal(stripBom(column))), value);
                    }
                }
                if (!values.isEmpty()) {
                    rows.add(new Row(csv.getCurrentLineNumber(), values));
                }
            }
            if (rows.isEmpty()) {
                throw new TableProblem(file, 0, "has no rows below its header");
            }
            return rows;
        } catch (NoSuchFileException e) {
            throw new TableProblem(file, 0, "no such file");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new TableProblem(file, 0, "cannot be read as CSV: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new TableProblem(file, 1, "bad header row: " + e.getMessage());
        }
    }

    private static String describe(List<String> required, List<String> optional) {
        return String.join(", ", required) + (optional.isEmpty() ? "" : " (and optionally " + String.join(", ",
                optional) + ")");
    }

    private static String normal(String column) {
        return column.trim().toLowerCase(Locale.ROOT);
    }

    private static String stripBom(String column) {
        return column.startsWith("\uFEFF") ? column.substring(1) : column;
    }
}
