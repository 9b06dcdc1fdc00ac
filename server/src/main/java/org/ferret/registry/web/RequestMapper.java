package org.ferret.registry.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.ferret.registry.Amendment;
import org.ferret.registry.Calibre;
import org.ferret.registry.CountryCode;
import org.ferret.registry.Deactivation;
import org.ferret.registry.Destruction;
import org.ferret.registry.EventId;
import org.ferret.registry.HolderId;
import org.ferret.registry.InvalidValueException;
import org.ferret.registry.ItemAttributes;
import org.ferret.registry.Marking;
import org.ferret.registry.MarkingElements;
import org.ferret.registry.NewEvent;
import org.ferret.registry.NewHolder;
import org.ferret.registry.NewItem;
import org.ferret.registry.Particulars;
import org.ferret.registry.SerialNumber;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;

/**
 * Turns request bodies into domain values, collecting every invalid field with its JSON path (e.g.
 * {@code markings[0].serialNumber}) into one VALIDATION_FAILED error, so a client sees all its mistakes at once.
 */
final class RequestMapper {

    private final List<FieldProblem> problems = new ArrayList<>();

    static NewItem item(Requests.RegisterItem r) {
        RequestMapper m = new RequestMapper();
        if (r.kind() == null) {
            m.problems.add(new FieldProblem("kind", "must be given"));
        }
        Calibre calibre = m.value("calibre", () -> Calibre.ofNullable(r.calibre()));
        CountryCode country = m.value("countryOfManufacture", () -> CountryCode.ofNullable(r.countryOfManufacture()));
        ItemAttributes attrs = m.composite("", () -> new ItemAttributes(r.manufacturer(), r.model(), calibre, country,
                r.yearOfManufacture(), r.construction(), r.quantity()));
        List<Marking> markings = new ArrayList<>();
        List<Requests.AddMarking> given = r.markings() == null ? List.of() : r.markings();
        for (int i = 0; i < given.size(); i++) {
            markings.add(m.marking("markings[" + i + "].", given.get(i)));
        }
        NewEvent initial = r.initialEvent() == null ? null : m.event("initialEvent.", r.initialEvent());
        m.throwIfAny();
        return m.composite("", () -> new NewItem(r.kind(), attrs, markings, r.externalRef(), initial), true);
    }

    static Marking marking(Requests.AddMarking r) {
        RequestMapper m = new RequestMapper();
        Marking marking = m.marking("", r);
        m.throwIfAny();
        return marking;
    }

    static NewEvent event(Requests.RecordEvent r) {
        RequestMapper m = new RequestMapper();
        NewEvent e = m.event("", r);
        m.throwIfAny();
        return e;
    }

    static NewHolder holder(Requests.RegisterHolder r) {
        RequestMapper m = new RequestMapper();
        CountryCode country = m.value("country", () -> CountryCode.ofNullable(r.country()));
        m.throwIfAny();
        return m.composite("", () -> new NewHolder(r.type(), r.role(), r.name(), r.licenceNumber(), country), true);
    }

    private Marking marking(String prefix, Requests.AddMarking r) {
        if (r == null) {
            problems.add(new FieldProblem(prefix.isEmpty() ? "marking" : prefix.substring(0, prefix.length() - 1), "must be given"));
            return null;
        }
        int before = problems.size();
        SerialNumber serial = value(prefix + "serialNumber",
                () -> r.serialNumber() == null || r.serialNumber().isBlank() ? null : SerialNumber.of(r.serialNumber()));
        CountryCode importCountry = value(prefix + "importCountry", () -> CountryCode.ofNullable(r.importCountry()));
        Calibre calibre = value(prefix + "calibre", () -> Calibre.ofNullable(r.calibre()));
        MarkingElements elements = composite(prefix, () -> new MarkingElements(r.manufacturer(), r.countryOrPlace(),
                serial, r.year(), importCountry, r.importYear(), r.model(), calibre, r.geometricSymbols(), r.symbolCode()));
        if (problems.size() > before) {
            return null;
        }
        return composite(prefix, () -> new Marking(r.kind(), elements, r.location(), r.method()));
    }

    private NewEvent event(String prefix, Requests.RecordEvent r) {
        int before = problems.size();
        CountryCode country = value(prefix + "country", () -> CountryCode.ofNullable(r.country()));
        CountryCode toCountry = value(prefix + "toCountry", () -> CountryCode.ofNullable(r.toCountry()));
        Deactivation deactivation = r.deactivation() == null ? null : composite(prefix, () -> new Deactivation(
                r.deactivation().certificateNumber(), r.deactivation().standardApplied(),
                r.deactivation().verifyingAuthority(), r.deactivation().deactivationMark()));
        Destruction destruction = r.destruction() == null ? null : composite(prefix, () -> new Destruction(
                r.destruction().method(), r.destruction().witness(), r.destruction().certificateNumber()));
        Amendment amendment = null;
        if (r.amend() != null) {
            Requests.Amend a = r.amend();
            CountryCode amendCountry = value(prefix + "amend.country", () -> CountryCode.ofNullable(a.country()));
            amendment = composite(prefix, () -> new Amendment(a.occurredOn(), amendCountry,
                    a.holderId() == null ? null : new HolderId(a.holderId()), a.place(), a.reference(), a.note()));
        }
        if (problems.size() > before) {
            return null;
        }
        Particulars particulars = composite(prefix, () -> new Particulars(r.place(), r.reference(), r.note()));
        Amendment amend = amendment;
        return composite(prefix, () -> NewEvent.of(r.type(), r.occurredOn(), new NewEvent.Fields(
                r.holderId() == null ? null : new HolderId(r.holderId()), country, particulars,
                r.corrects() == null ? null : new EventId(r.corrects()), r.reason(), amend, deactivation, destruction,
                new NewEvent.Transfers(r.authorisation(), toCountry, r.until()))));
    }

    /** A single value at a known path. */
    private <T> T value(String path, Supplier<T> s) {
        try {
            return s.get();
        } catch (FerretException e) {
            problems.add(new FieldProblem(path, message(e)));
            return null;
        }
    }

    private <T> T composite(String prefix, Supplier<T> s) {
        return composite(prefix, s, false);
    }

    /** A value whose constructor names the failing field itself; the path is the prefix plus that field. */
    private <T> T composite(String prefix, Supplier<T> s, boolean throwNow) {
        try {
            return s.get();
        } catch (FerretException e) {
            if (e.problems().isEmpty()) {
                problems.add(new FieldProblem(prefix.isEmpty() ? "(body)" : prefix.substring(0, prefix.length() - 1), e.getMessage()));
            } else {
                e.problems().forEach(p -> problems.add(new FieldProblem(prefix + jsonName(p.field()), p.message())));
            }
            if (throwNow) {
                throwIfAny();
            }
            return null;
        }
    }

    /** Domain fields whose JSON name differs (ids are sent as {@code xxxId}). */
    private static String jsonName(String domainField) {
        return "holder".equals(domainField) ? "holderId" : domainField;
    }

    private static String message(FerretException e) {
        return e.problems().isEmpty() ? e.getMessage() : e.problems().getFirst().message();
    }

    private void throwIfAny() {
        if (!problems.isEmpty()) {
            String detail = problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
            throw new InvalidValueException(detail, problems);
        }
    }
}
