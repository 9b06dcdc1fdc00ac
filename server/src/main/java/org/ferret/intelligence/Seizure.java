package org.ferret.intelligence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ferret.registry.Construction;
import org.ferret.registry.ItemKind;

/** A recorded seizure, non-nominal: the persons are only counted here ({@link Seizures#persons} reads them). */
public record Seizure(UUID id, String reference, SeizureKind kind, LocalDate seizedOn, String country, String locality,
        Double latitude, Double longitude, String agency, LegalJustification legalJustification,
        CriminalContext criminalContext, Conveyance conveyance, Concealment concealment, String origin,
        List<String> transit, String destination, String notes, SeizureSource source, UUID parcelDeclaration,
        List<Item> items, int persons, String recordedBy, Instant recordedAt) {

    /**
     * A seized item as recorded: the registry item it is (registered by this seizure when {@code registeredHere}),
     * what it is, and its current tracing outcome (null while none is recorded).
     */
    public record Item(UUID id, int position, SeizedItemType type, UUID registryItem, boolean registeredHere,
            ItemKind itemKind, Construction construction, Boolean marked, Integer yearOfManufacture, String calibre,
            Integer quantity, DiversionFinding finding) {
    }

    /** The route in words, e.g. "DE → NL → FI"; unknown ends as "?". */
    public String route() {
        StringBuilder b = new StringBuilder(origin == null ? "?" : origin);
        transit.forEach(t -> b.append(" → ").append(t));
        return b.append(" → ").append(destination == null ? "?" : destination).toString();
    }
}
