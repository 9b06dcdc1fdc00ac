package org.ferret.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.ferret.audit.DerivedStateCheck;
import org.ferret.registry.DerivedState;
import org.ferret.registry.IllegalTransitionException;
import org.ferret.registry.ItemId;
import org.ferret.registry.LifecycleEvent;
import org.ferret.registry.StatusDerivation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every item's status (and since when, holder, the firearm it is fitted to) from its lifecycle history and
 * reports each item whose stored projection differs, or whose history no longer derives at all: the audit
 * verification runs it ({@link DerivedStateCheck}), so a history edited in the database is seen even where the edit
 * itself left the projection as it was.
 */
@Component
class ItemStatusCheck implements DerivedStateCheck {

    private static final int CHUNK = 500;

    private final RegistryStore store;

    ItemStatusCheck(RegistryStore store) {
        this.store = store;
    }

    @Override
    public String describe() {
        return "item status against the lifecycle history";
    }

    @Override
    @Transactional(readOnly = true)
    public long check(Consumer<String> problems) {
        List<Map.Entry<ItemId, List<LifecycleEvent>>> chunk = new ArrayList<>(CHUNK);
        store.forEachHistory((item, history) -> {
            chunk.add(Map.entry(item, history));
            if (chunk.size() >= CHUNK) {
                checkChunk(chunk, problems);
            }
        }, problems);
        checkChunk(chunk, problems);
        for (StoredItem i : store.itemsWithoutHistoryNotInInitialState()) {
            problems.accept("item " + i.id() + " has no lifecycle history but its stored status is "
                    + words(i.status().name()) + (i.statusSince() == null ? "" : " since " + i.statusSince())
                    + " (a fresh registration is in lawful possession)");
        }
        return store.countItems();
    }

    private void checkChunk(List<Map.Entry<ItemId, List<LifecycleEvent>>> chunk, Consumer<String> problems) {
        Map<ItemId, StoredItem> stored = store.items(chunk.stream().map(Map.Entry::getKey).toList());
        for (var e : chunk) {
            StoredItem item = stored.get(e.getKey());
            if (item == null) {
                problems.accept("item " + e.getKey() + " has lifecycle events but no registry entry");
                continue;
            }
            DerivedState d;
            try {
                d = StatusDerivation.derive(item.kind(), e.getValue());
            } catch (IllegalTransitionException | NullPointerException broken) {
                problems.accept("the history of item " + item.id() + " no longer derives (" + broken.getMessage()
                        + "); its stored status is " + words(item.status().name()));
                continue;
            }
            List<String> diffs = new ArrayList<>();
            if (d.status() != item.status()) {
                diffs.add("status: stored " + words(item.status().name()) + ", history gives " + words(d.status().name()));
            }
            if (!Objects.equals(d.statusSince(), item.statusSince())) {
                diffs.add("status since: stored " + item.statusSince() + ", history gives " + d.statusSince());
            }
            if (!Objects.equals(d.holder(), item.holder())) {
                diffs.add("holder: stored " + item.holder() + ", history gives " + d.holder());
            }
            if (!Objects.equals(d.fittedTo(), item.fittedTo())) {
                diffs.add("fitted to: stored " + item.fittedTo() + ", history gives " + d.fittedTo());
            }
            if (!diffs.isEmpty()) {
                problems.accept("item " + item.id() + " differs from its history (" + String.join("; ", diffs) + ")");
            }
        }
        chunk.clear();
    }

    static String words(String enumName) {
        return enumName.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
