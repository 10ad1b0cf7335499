package io.chargegate.ocpp.rpc.codec.internal;

import java.time.Instant;

/**
 * RFC 3339 {@code date-time} parsing and formatting without intermediate objects.
 *
 * <p>Parsing accepts every RFC 3339 date-time: {@code T}, {@code t} or a space between date and time
 * (RFC 3339 section 5.6 note; the schema validator accepts it too), fractional seconds of any length
 * (digits beyond nanoseconds are truncated), {@code Z}, {@code z} or a numeric offset {@code +hh:mm} /
 * {@code -hh:mm} (hours 00-23, {@code -00:00} means UTC), and a leap second ({@code :60}) where it can
 * occur: at 23:59:60 UTC on the last day of June or December; it decodes to 23:59:59 with the fraction.
 * Years are four digits. Formatting writes UTC with {@code Z} and 0, 3, 6 or 9 fraction digits.
 */
public final class DateTimes {

    private DateTimes() {
    }

    /** The instant of an RFC 3339 date-time, or null when {@code s} is not one. */
    public static Instant parse(String s) {
        int n = s.length();
        if (n < 20) {
            return null;
        }
        int year = digits(s, 0, 4);
        if (year < 0 || s.charAt(4) != '-') {
            return null;
        }
        int month = digits(s, 5, 2);
        if (month < 1 || month > 12 || s.charAt(7) != '-') {
            return null;
        }
        int day = digits(s, 8, 2);
        if (day < 1 || day > lengthOfMonth(year, month)) {
            return null;
        }
        char t = s.charAt(10);
        if (t != 'T' && t != 't' && t != ' ') {
            return null;
        }
        int hour = digits(s, 11, 2);
        if (hour < 0 || hour > 23 || s.charAt(13) != ':') {
            return null;
        }
        int minute = digits(s, 14, 2);
        if (minute < 0 || minute > 59 || s.charAt(16) != ':') {
            return null;
        }
        int second = digits(s, 17, 2);
        if (second < 0 || second > 60) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            i++;
            int start = i;
            while (i < n && isDigit(s.charAt(i))) {
                if (i - start < 9) {
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            int count = i - start;
            if (count == 0) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (i >= n) {
            return null;
        }
        int offsetSeconds;
        char z = s.charAt(i);
        if (z == 'Z' || z == 'z') {
            offsetSeconds = 0;
            i++;
        } else if (z == '+' || z == '-') {
            if (i + 6 != n || s.charAt(i + 3) != ':') {
                return null;
            }
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 23 || om < 0 || om > 59) {
                return null;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
            i += 6;
        } else {
            return null;
        }
        if (i != n) {
            return null;
        }
        boolean leap = second == 60;
        if (leap) {
            second = 59;
        }
        long epochSecond = epochDay(year, month, day) * 86400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        if (leap && !isLeapSecondSlot(epochSecond)) {
            return null;
        }
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** Whether the UTC second {@code epochSecond} is 23:59:59 on June 30 or December 31. */
    private static boolean isLeapSecondSlot(long epochSecond) {
        if (Math.floorMod(epochSecond, 86400L) != 86399L) {
            return false;
        }
        long next = Math.floorDiv(epochSecond, 86400L) + 1;
        // the next day must be July 1 or January 1
        long[] ymd = civil(next);
        return ymd[2] == 1 && (ymd[1] == 7 || ymd[1] == 1);
    }

    /** Appends {@code instant} as RFC 3339 UTC ({@code Z}); returns false when its year is outside 0000-9999. */
    public static boolean format(Instant instant, StringBuilder sb) {
        long sec = instant.getEpochSecond();
        long day = Math.floorDiv(sec, 86400L);
        int sod = (int) Math.floorMod(sec, 86400L);
        long[] ymd = civil(day);
        if (ymd[0] < 0 || ymd[0] > 9999) {
            return false;
        }
        pad(sb, (int) ymd[0], 4).append('-');
        pad(sb, (int) ymd[1], 2).append('-');
        pad(sb, (int) ymd[2], 2).append('T');
        pad(sb, sod / 3600, 2).append(':');
        pad(sb, sod / 60 % 60, 2).append(':');
        pad(sb, sod % 60, 2);
        int nanos = instant.getNano();
        if (nanos != 0) {
            sb.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(sb, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                pad(sb, nanos / 1000, 6);
            } else {
                pad(sb, nanos, 9);
            }
        }
        sb.append('Z');
        return true;
    }

    /** RFC 3339 UTC text of {@code instant}, or null when its year is outside 0000-9999. */
    public static String format(Instant instant) {
        StringBuilder sb = new StringBuilder(30);
        return format(instant, sb) ? sb.toString() : null;
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String v = Integer.toString(value);
        for (int k = v.length(); k < width; k++) {
            sb.append('0');
        }
        return sb.append(v);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The non-negative number of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long epochDay(long y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /** {year, month, day} of days since 1970-01-01 (H. Hinnant's civil_from_days). */
    private static long[] civil(long z) {
        z += 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        return new long[] {m <= 2 ? y + 1 : y, m, d};
    }
}
