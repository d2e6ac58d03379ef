package io.billwright.simulations.report;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A sheet's column widths and page setup, so that it reads on screen and prints: every column at least as wide
 * as its header (and its data, up to {@value #MAX_DATA_CHARS} characters), landscape, scaled to one page wide
 * (as many pages high as it takes), the header row repeated on every page, and the sheet's name and page number
 * in the footer. Widths are counted while the rows are written, so a streamed sheet needs no second pass.
 */
final class SheetLayout {

    /** Data wider than this wraps or is cut on screen rather than widening its column further. */
    static final int MAX_DATA_CHARS = 60;
    /** Room for a bold header and the cell's margins. */
    private static final int PADDING = 2;
    /** Excel's widest column, in characters. */
    private static final int MAX_WIDTH = 255;

    private int[] chars = new int[0];

    /** Columns at least as wide as these headers, from column {@code first}. */
    SheetLayout header(int first, List<String> names) {
        for (int c = 0; c < names.size(); c++) {
            widen(first + c, names.get(c).length());
        }
        return this;
    }

    /** A text cell written in {@code column}. */
    void text(int column, String text) {
        if (text != null) {
            widen(column, Math.min(text.length(), MAX_DATA_CHARS));
        }
    }

    /** An amount written in {@code column}, shown grouped with {@code minorUnits} decimals. */
    void amount(int column, BigDecimal amount, int minorUnits) {
        int integerDigits = Math.max(1, amount.precision() - amount.scale());
        widen(column, (amount.signum() < 0 ? 1 : 0) + integerDigits + (integerDigits - 1) / 3
                + (minorUnits > 0 ? minorUnits + 1 : 0));
    }

    /** The width, in characters, column {@code column} will get. */
    int width(int column) {
        return column < chars.length ? Math.min(MAX_WIDTH, chars[column] + PADDING) : 0;
    }

    /** Sets the column widths and the page setup, repeating row {@code headerRow} (0-based) on every page. */
    void applyTo(Sheet sheet, int headerRow) {
        for (int c = 0; c < chars.length; c++) {
            if (chars[c] > 0) {
                sheet.setColumnWidth(c, width(c) * 256);
            }
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        // Excel's footer codes: &A the sheet's name, &P the page, &N the pages
        sheet.getFooter().setCenter("&A \u2013 page &P of &N");
    }

    private void widen(int column, int width) {
        if (column >= chars.length) {
            chars = Arrays.copyOf(chars, Math.max(column + 1, chars.length * 2));
        }
        chars[column] = Math.max(chars[column], width);
    }
}
