package org.ferret.registry.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ferret.registry.Construction;
import org.ferret.registry.EventType;
import org.ferret.registry.HolderRole;
import org.ferret.registry.HolderType;
import org.ferret.registry.ItemKind;
import org.ferret.registry.MarkingKind;
import org.ferret.registry.MarkingMethod;

import io.swagger.v3.oas.annotations.media.Schema;

/** JSON request bodies of the registry API; mapped to domain types by {@link RequestMapper}. */
final class Requests {
    private Requests() {
    }

    @Schema(description = "An item to register, with the markings it carries")
    record RegisterItem(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PISTOL") ItemKind kind,
            @Schema(example = "Glock") String manufacturer,
            @Schema(example = "17") String model,
            @Schema(example = "9x19mm") String calibre,
            @Schema(description = "ISO 3166-1 alpha-2", example = "AT") String countryOfManufacture,
            @Schema(example = "2019") Integer yearOfManufacture,
            Construction construction,
            @Schema(description = "ammunition lots only") Integer quantity,
            @Schema(description = "caller's own reference; unique; makes imports idempotent") String externalRef,
            List<AddMarking> markings,
            @Schema(description = "optional first event of the history, e.g. MANUFACTURE, IMPORT or SEIZURE")
            RecordEvent initialEvent) {
    }

    @Schema(description = "A marking on the item; which elements are needed depends on the kind (Protocol art. 8)")
    record AddMarking(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MarkingKind kind,
            String manufacturer,
            @Schema(example = "Deutsch-Wagram, AT") String countryOrPlace,
            @Schema(description = "as marked; at most 40 characters", example = "ABC-123 45") String serialNumber,
            Integer year,
            @Schema(description = "ISO 3166-1 alpha-2") String importCountry,
            Integer importYear,
            String model,
            String calibre,
            @Schema(description = "art. 8(1)(a) alternative form: the geometric symbols") String geometricSymbols,
            @Schema(description = "art. 8(1)(a) alternative form: the numeric/alphanumeric code") String symbolCode,
            @Schema(example = "left side of frame") String location,
            MarkingMethod method,
            @Schema(description = "date the marking was applied (for markings added later; default today)")
            LocalDate markedOn) {
    }

    @Schema(description = "A lifecycle event to append to the item's history")
    record RecordEvent(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) EventType type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-11-01") LocalDate occurredOn,
            @Schema(description = "new holder (transfer of possession, manufacture, import)") UUID holderId,
            @Schema(description = "other country of an export or import, ISO 3166-1 alpha-2") String country,
            String place,
            @Schema(description = "e.g. police case or licence number") String reference,
            String note,
            @Schema(description = "CORRECTION: the event it corrects") UUID corrects,
            @Schema(description = "CORRECTION: why") String reason,
            @Schema(description = "CORRECTION: what changes in the corrected event; omit to withdraw it")
            Amend amend,
            @Schema(description = "DEACTIVATION: its certificate, standard applied (id@version), verifying authority and "
                    + "mark; IMPORT of an item deactivated abroad: those of the deactivation abroad")
            DeactivationDetails deactivation,
            DestructionDetails destruction,
            @Schema(description = "IMPORT: number of the import authorisation this state issued (art. 10); "
                    + "TRANSIT: the transit state's no-objection or transit authorisation (art. 10(2)(b))",
                    example = "IA-2026-0001") String authorisation,
            @Schema(description = "TRANSIT: the country the item goes on to (ISO 3166-1 alpha-2); "
                    + "`country` is the one it came from") String toCountry,
            @Schema(description = "TRANSIT: the day the item left this state's territory, if known") LocalDate until,
            @Schema(description = "IMPORT of an item deactivated abroad (with `deactivation`) or of an alarm or signal "
                    + "weapon: what this state's standard asks for: `facts` by the standard's fact names (see "
                    + "/api/v1/standards/{id}), e.g. {\"pin_diameter\": 5.5}; `decisions` of the person recording it, "
                    + "{requirement: {met, evidence, note}}; `firearmType` when the item's kind does not tell it")
            java.util.Map<String, Object> standardAssessment) {
    }

    @Schema(description = "What a correction changes in the event it corrects (omitted fields stay as recorded)")
    record Amend(@Schema(example = "2026-11-28") LocalDate occurredOn,
            @Schema(description = "other country of an export or import") String country,
            @Schema(description = "holder of a transfer, manufacture or import") UUID holderId,
            String place, String reference, String note) {
    }

    record DeactivationDetails(String certificateNumber, String standardApplied, String verifyingAuthority,
            String deactivationMark) {
    }

    record DestructionDetails(String method, String witness, String certificateNumber) {
    }

    @Schema(description = "A component to fit to the firearm")
    record FitComponent(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID componentId,
            @Schema(description = "default today") LocalDate on, String note) {
    }

    @Schema(description = "Removal of a fitted component")
    record RemoveComponent(@Schema(description = "default today") LocalDate on, String note) {
    }

    record RegisterHolder(HolderType type, HolderRole role, String name, String licenceNumber, String country) {
    }

    @Schema(description = "Items to purge; omit or leave empty to purge every item past retention")
    record Purge(List<UUID> itemIds) {
    }
}
