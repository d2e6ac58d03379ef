package io.billwright.simulations.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * How long people work on a day, and whether they work at all: absence, ordinary days, overtime days and work on
 * days off (weekends and public holidays). Near a deadline (the last week of a month, before its close; the week
 * before a milestone is due) overtime is three times as likely and days off are worked far more often. All chances
 * are per mille, hours in quarters of an hour; the simulations README lists them.
 */
final class WorkPattern {

    /** People who now and then work weekends and public holidays. */
    static final int WEEKEND_WORKERS_PER_MILLE = 120;
    /** A working day with no time recorded (leave, sickness, training). */
    static final int ABSENT_PER_MILLE = 70;
    /** Ordinary days: 7 to 8 hours. */
    private static final int[] ORDINARY_QUARTERS = {28, 30, 30, 32, 32, 32, 32, 32};
    static final int OVERTIME_PER_MILLE = 50;
    static final int OVERTIME_NEAR_DEADLINE_PER_MILLE = 150;
    /** Of overtime days, those over 10 hours (10.5 to 12); the others are 9 to 10 hours. */
    static final int LONG_OVERTIME_PER_MILLE = 300;
    /** A day off worked by someone who works weekends: usually, and near a deadline. */
    static final int OFF_DAY_PER_MILLE = 100;
    static final int OFF_DAY_NEAR_DEADLINE_PER_MILLE = 450;
    /** A day off worked near a deadline by anyone else. */
    static final int OFF_DAY_OTHERS_NEAR_DEADLINE_PER_MILLE = 15;
    /** How many days before a month's end or a milestone's due date count as near the deadline. */
    static final int DEADLINE_DAYS = 7;

    private WorkPattern() {
    }

    /** Whether {@code date} falls in the last days before a deadline of {@code contract}. */
    static boolean nearDeadline(Engagement contract, LocalDate date) {
        if (date.getDayOfMonth() > date.lengthOfMonth() - DEADLINE_DAYS) {
            return true;
        }
        for (Engagement.Milestone milestone : contract.milestones()) {
            if (!date.isAfter(milestone.due()) && date.plusDays(DEADLINE_DAYS).isAfter(milestone.due())) {
                return true;
            }
        }
        return false;
    }

    static boolean absent(SplittableRandom random) {
        return Randoms.perMille(random, ABSENT_PER_MILLE);
    }

    /** The hours of a working day on one contract: an ordinary day, or now and then an overtime day. */
    static int workday(boolean nearDeadline, SplittableRandom random) {
        if (!Randoms.perMille(random, nearDeadline ? OVERTIME_NEAR_DEADLINE_PER_MILLE : OVERTIME_PER_MILLE)) {
            return ORDINARY_QUARTERS[random.nextInt(ORDINARY_QUARTERS.length)];
        }
        return Randoms.perMille(random, LONG_OVERTIME_PER_MILLE) ? Randoms.between(random, 42, 48)
                : Randoms.between(random, 36, 40);
    }

    /** Whether {@code person} works on a day off (a weekend day, or a public holiday of their country). */
    static boolean worksDayOff(Person person, boolean nearDeadline, SplittableRandom random) {
        int chance = person.worksWeekends()
                ? (nearDeadline ? OFF_DAY_NEAR_DEADLINE_PER_MILLE : OFF_DAY_PER_MILLE)
                : (nearDeadline ? OFF_DAY_OTHERS_NEAR_DEADLINE_PER_MILLE : 0);
        return chance > 0 && Randoms.perMille(random, chance);
    }

    /** The hours of a day off that is worked: 2 to 7. */
    static int dayOff(SplittableRandom random) {
        return Randoms.between(random, 8, 28);
    }
}
