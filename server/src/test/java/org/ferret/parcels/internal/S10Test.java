package org.ferret.parcels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S10Test {

    @Test
    void the_upu_example_has_check_digit_9() {
        // UPU S10 example: serial 47312482, weights 8 6 4 2 3 5 9 7 sum to 200, 11 - 200 mod 11 = 9
        assertThat(S10.checkDigit("47312482")).isEqualTo(9);
        assertThat(S10.checkDigitHolds("EE473124829GB")).isTrue();
        assertThat(S10.checkDigitHolds("EE473124828GB")).isFalse();
    }

    @Test
    void a_remainder_of_one_gives_0_and_of_zero_gives_5() {
        for (int serial = 0; serial < 200_000; serial += 7) {
            String s = String.format("%08d", serial);
            int sum = 0;
            int[] w = {8, 6, 4, 2, 3, 5, 9, 7};
            for (int i = 0; i < 8; i++) sum += (s.charAt(i) - '0') * w[i];
            int expected = switch (sum % 11) {
                case 0 -> 5;
                case 1 -> 0;
                default -> 11 - sum % 11;
            };
            assertThat(S10.checkDigit(s)).as(s).isEqualTo(expected);
            assertThat(S10.checkDigitHolds(S10.of("RR", serial, "FI"))).isTrue();
        }
    }

    @Test
    void the_shape_is_two_letters_nine_digits_two_letters() {
        assertThat(S10.hasShape("RR123456785FI")).isTrue();
        assertThat(S10.hasShape("RR12345678FI")).isFalse();
        assertThat(S10.hasShape("R1123456785FI")).isFalse();
    }
}
