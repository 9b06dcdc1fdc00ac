package org.ferret.parcels.internal;

import java.util.regex.Pattern;

/**
 * UPU S10 item identifiers: two letters (service indicator), eight digits (serial), a check digit and the
 * two-letter ISO country of the issuing operator, e.g. {@code RR123456785FI}. The check digit weighs the serial's
 * digits 8 6 4 2 3 5 9 7; check = 11 - (sum mod 11), with 10 written as 0 and 11 as 5 (UPU S10, 4.3).
 */
public final class S10 {
    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{9}[A-Z]{2}");
    private static final int[] WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

    private S10() {
    }

    public static boolean hasShape(String id) {
        return SHAPE.matcher(id).matches();
    }

    /** The check digit of an eight-digit serial. */
    public static int checkDigit(String serial8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (serial8.charAt(i) - '0') * WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 0 : c == 11 ? 5 : c;
    }

    /** Whether a well-shaped id's check digit is right. */
    public static boolean checkDigitHolds(String id) {
        return checkDigit(id.substring(2, 10)) == id.charAt(10) - '0';
    }

    /** A valid id for a service indicator, serial and country (tests and the demo's simulated operator). */
    public static String of(String service, int serial, String country) {
        String s = String.format("%08d", serial);
        return service + s + checkDigit(s) + country;
    }
}
