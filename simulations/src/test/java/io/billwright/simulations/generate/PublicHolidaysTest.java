package io.billwright.simulations.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PublicHolidaysTest {

    private final PublicHolidays holidays = new PublicHolidays();

    @Test
    void findsEasterSundayByTheGregorianComputus() {
        assertThat(PublicHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(PublicHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(PublicHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(PublicHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }

    @Test
    void knowsEachEntitysCountryInTheThirdQuarterOf2026() {
        assertThat(PublicHolidays.of("US", 2026)).contains(LocalDate.of(2026, 7, 3), LocalDate.of(2026, 9, 7))
                .doesNotContain(LocalDate.of(2026, 7, 4));
        assertThat(PublicHolidays.of("CA", 2026)).contains(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 7),
                LocalDate.of(2026, 9, 30));
        assertThat(PublicHolidays.of("GB", 2026)).contains(LocalDate.of(2026, 8, 31));
        assertThat(PublicHolidays.of("FR", 2026)).contains(LocalDate.of(2026, 7, 14), LocalDate.of(2026, 8, 15));
        assertThat(PublicHolidays.of("SG", 2026)).as("National Day on a Sunday, off on the Monday")
                .contains(LocalDate.of(2026, 8, 10));
        assertThat(PublicHolidays.of("DE", 2026)).contains(LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25),
                LocalDate.of(2026, 10, 3));
    }

    @Test
    void givesADayOffInLieuWhereTheCountryDoes() {
        // Christmas 2027 is a Saturday, Boxing Day a Sunday
        assertThat(PublicHolidays.of("GB", 2027)).contains(LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28));
        assertThat(PublicHolidays.of("DE", 2027)).contains(LocalDate.of(2027, 12, 25))
                .doesNotContain(LocalDate.of(2027, 12, 27));
        assertThat(holidays.isHoliday("US", LocalDate.of(2027, 12, 24))).isTrue();
    }

    @Test
    void aCountryWithoutAnEntityHasNone() {
        assertThat(PublicHolidays.of("JP", 2026)).isEmpty();
        assertThat(holidays.isHoliday("DE", LocalDate.of(2026, 7, 15))).isFalse();
    }
}
