package org.ferret.intelligence;

import java.time.LocalDate;
import java.util.List;

import org.ferret.registry.Calibre;
import org.ferret.registry.Construction;
import org.ferret.registry.CountryCode;
import org.ferret.registry.ItemId;
import org.ferret.registry.ItemKind;

/**
 * A seizure to record, checked field by field ({@code internal.SeizureFields} builds it from JSON, CSV or a form):
 * when and where, by which agency, on what legal ground and in what criminal context (two separate fields), how
 * the arms moved and were hidden, the route, the seized items, and the persons only as far as needed.
 */
public record NewSeizure(String reference, SeizureKind kind, LocalDate seizedOn, CountryCode country, String locality,
        Double latitude, Double longitude, String agency, LegalJustification legalJustification,
        CriminalContext criminalContext, Conveyance conveyance, Concealment concealment, CountryCode origin,
        List<CountryCode> transit, CountryCode destination, String notes, List<Item> items, List<Person> persons) {

    public NewSeizure {
        transit = transit == null ? List.of() : List.copyOf(transit);
        items = items == null ? List.of() : List.copyOf(items);
        persons = persons == null ? List.of() : List.copyOf(persons);
    }

    /**
     * A seized item: a firearm or component linked to a registry item ({@code registryItem}) or described so that
     * it is registered as seized (unmarked ones become marking-required there); ammunition by calibre and quantity.
     */
    public record Item(SeizedItemType type, ItemId registryItem, ItemKind itemKind, String manufacturer, String model,
            String serial, Calibre calibre, CountryCode countryOfManufacture, Integer yearOfManufacture,
            Construction construction, Boolean marked, Integer quantity) {
    }

    /** A person named on the seizure (personal data: stored apart, never exported). */
    public record Person(PersonRole role, String name, CountryCode nationality, Integer birthYear) {
    }
}
