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

    private static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL",
            "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
            "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
            "VA", "WA", "WV", "WI", "WY");

    /** Whether {@code jurisdiction} is {@code US-} followed by a state (or DC) code. */
    public static boolean isUsState(String jurisdiction) {
        return jurisdiction != null && jurisdiction.startsWith("US-") && US_STATES.contains(jurisdiction.substring(3));
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
