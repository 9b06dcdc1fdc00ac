package org.ferret.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The counts the dashboard shows. */
@FerretIntegrationTest
class RegistryCountsIT {

    @Autowired
    Registry registry;

    @Test
    void counts_items_by_kind_leaving_out_kinds_with_none() {
        Map<ItemKind, Long> before = registry.countByKind();
        registry.register(NewItem.of(ItemKind.PISTOL, ItemAttributes.none(), List.of()));
        registry.register(NewItem.of(ItemKind.PISTOL, ItemAttributes.none(), List.of()));
        registry.register(NewItem.of(ItemKind.FRAME, ItemAttributes.none(), List.of()));

        Map<ItemKind, Long> after = registry.countByKind();
        assertThat(after.get(ItemKind.PISTOL)).isEqualTo(before.getOrDefault(ItemKind.PISTOL, 0L) + 2);
        assertThat(after.get(ItemKind.FRAME)).isEqualTo(before.getOrDefault(ItemKind.FRAME, 0L) + 1);
        assertThat(after.values()).allMatch(n -> n > 0);
    }
}
