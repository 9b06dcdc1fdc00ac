package org.ferret.intelligence.internal;

import java.util.List;

import org.ferret.intelligence.Concealment;
import org.ferret.intelligence.Conveyance;
import org.ferret.intelligence.CriminalContext;
import org.ferret.intelligence.LegalJustification;
import org.ferret.intelligence.NewSeizure;
import org.ferret.intelligence.SeizedItemType;
import org.ferret.intelligence.SeizureKind;
import org.ferret.intelligence.Seizures;
import org.ferret.parcels.Declaration;
import org.ferret.parcels.ParcelOutcomeRecorded;
import org.ferret.parcels.ParcelOutcomes;
import org.ferret.registry.CountryCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A parcels outcome of a firearm, component or ammunition becomes a seizure, once per declaration (the event
 * publication registry may deliver it again after a restart; {@link Seizures#recordFromParcel} is idempotent). The
 * item is the one parcels registered in the registry; the seizure is a postal or courier one, in the country that
 * screened the parcel, on the declared route. The legal ground is trafficking (an arm sent by post or courier
 * across a border without authorisation, Protocol art. 3(e)); the criminal context is not known from a parcel.
 */
@Component
class ParcelSeizures {

    private final Seizures seizures;
    private final ParcelOutcomes outcomes;
    private final String country;

    ParcelSeizures(Seizures seizures, ParcelOutcomes outcomes, @Value("${ferret.intelligence.country:FI}") String country) {
        this.seizures = seizures;
        this.outcomes = outcomes;
        this.country = country;
    }

    @ApplicationModuleListener
    void on(ParcelOutcomeRecorded e) {
        if (!e.kind().registersSeizure()) {
            return;
        }
        outcomes.facts(e.declaration()).ifPresent(f -> {
            CountryCode here = CountryCode.of(country);
            CountryCode origin = CountryCode.ofNullable(f.origin());
            CountryCode destination = CountryCode.ofNullable(f.destination());
            SeizedItemType type = switch (f.kind()) {
                case FIREARM -> SeizedItemType.FIREARM;
                case ESSENTIAL_COMPONENT -> SeizedItemType.COMPONENT;
                default -> SeizedItemType.AMMUNITION;
            };
            NewSeizure.Item item = new NewSeizure.Item(type, e.registryItem(), null, null, null, null, null, null, null,
                    null, null, type == SeizedItemType.AMMUNITION ? null : 1);
            Conveyance conveyance = f.mailClass() == Declaration.MailClass.COURIER ? Conveyance.COURIER : Conveyance.POSTAL;
            NewSeizure s = new NewSeizure("parcel:" + f.declaration(), SeizureKind.SEIZED, f.recordedOn(), here,
                    "screening site " + f.site(), null, null, "Customs, screening site " + f.site(),
                    LegalJustification.ILLICIT_TRAFFICKING, CriminalContext.NONE_KNOWN, conveyance, Concealment.NOT_KNOWN,
                    origin, List.of(), destination, "Found in parcel " + f.itemId() + " (" + f.direction().label() + ")",
                    List.of(item), List.of());
            seizures.recordFromParcel(f.declaration(), s);
        });
    }
}
