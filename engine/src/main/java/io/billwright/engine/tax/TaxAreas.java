package io.billwright.engine.tax;

import java.util.Set;
import java.util.regex.Pattern;

/** Membership of the EU VAT area and the shape of EU VAT ids. */
public final class TaxAreas {

    private static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
            "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    /** Country prefix (Greece uses EL) followed by 2 to 12 letters or digits. */
    private static final Pattern VAT_ID = Pattern.compile("[A-Z]{2}[0-9A-Z+*]{2,12}");

    private TaxAreas() {
    }

    public static boolean isEu(String country) {
        return country != null && EU.contains(country);
    }

    /**
     * Whether {@code taxId} looks like a VAT id issued by {@code country}. This is a format check only;
     * confirming it with VIES is the ERP's or the onboarding process's job.
     */
    public static boolean isValidVatId(String taxId, String country) {
        if (taxId == null || country == null || !isEu(country)) {
            return false;
        }
        String prefix = "GR".equals(country) ? "EL" : country;
        return taxId.startsWith(prefix) && VAT_ID.matcher(taxId).matches();
    }
}
