package org.ferret.tracing;

import org.ferret.registry.EventType;
import org.ferret.registry.ItemEventRecorded;
import org.ferret.registry.ItemRecovered;
import org.ferret.registry.ItemsRegistered;
import org.ferret.registry.ItemRegistered;
import org.ferret.registry.ItemSeized;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps the marking index current and raises hit notifications from the registry's published events. */
@Component
class RegistryEvents {

    private final MarkingSearch search;
    private final HitNotifications hits;

    RegistryEvents(MarkingSearch search, HitNotifications hits) {
        this.search = search;
        this.hits = hits;
    }

    @ApplicationModuleListener
    void on(ItemRegistered e) {
        search.indexItem(e.item());
    }

    @ApplicationModuleListener
    void on(ItemEventRecorded e) {
        if (e.type() == EventType.MARKING || e.type() == EventType.CORRECTION) {
            search.indexItem(e.item());
        }
    }

    @ApplicationModuleListener
    void on(ItemSeized e) {
        search.indexItem(e.item()); // a seized item registered with its seizure must be indexed before matching
        hits.onSeizedOrFound(e.item(), EventType.SEIZURE, e.occurredOn());
    }

    /** A bulk import announces its items batch by batch: the index takes them in, one registry read a batch. */
    @ApplicationModuleListener
    void on(ItemsRegistered e) {
        search.indexItems(e.items(), e.registeredAt());
    }

    @ApplicationModuleListener
    void on(ItemRecovered e) {
        hits.onSeizedOrFound(e.item(), EventType.RECOVERY, e.occurredOn());
    }
}
