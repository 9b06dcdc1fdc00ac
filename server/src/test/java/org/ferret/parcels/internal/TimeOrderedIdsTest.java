package org.ferret.parcels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void an_id_carries_its_milliseconds_first_and_the_version_7_and_variant_bits() {
        long millis = 1_796_000_000_123L;
        UUID id = TimeOrderedIds.of(millis, -1L, -1L);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        // every other bit is random: all ones in, all ones out except the version and variant
        assertThat(id.toString()).isEqualTo(String.format("%08x-%04x-7fff-bfff-ffffffffffff", millis >>> 16, millis & 0xFFFF));
    }

    @Test
    void ids_of_later_milliseconds_sort_after_earlier_ones_as_postgresql_compares_uuids() {
        List<UUID> ids = new ArrayList<>();
        for (long ms = 1_700_000_000_000L; ms < 1_700_000_000_000L + 2_000; ms += 7) {
            ids.add(TimeOrderedIds.of(ms, ms * 31, ~ms));
        }
        for (int i = 1; i < ids.size(); i++) {
            // PostgreSQL orders uuid by its 16 bytes, unsigned, most significant first
            assertThat(unsignedBytes(ids.get(i - 1)).compareTo(unsignedBytes(ids.get(i)))).isNegative();
        }
    }

    @Test
    void ids_made_in_one_millisecond_are_still_distinct() {
        HashSet<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) seen.add(TimeOrderedIds.next());
        assertThat(seen).hasSize(10_000);
    }

    private static String unsignedBytes(UUID u) {
        return String.format("%016x%016x", u.getMostSignificantBits(), u.getLeastSignificantBits());
    }
}
