package org.ferret.tracing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ferret.registry.ItemCategory;
import org.ferret.registry.ItemKind;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;

/**
 * What a trace request carries under the International Tracing Instrument (A/60/88 section V): who asks and under
 * which legal basis and illicit context, where and how the item was recovered, the markings as read, the item's
 * description, the urgency and the intended use of the information. Every field problem is reported at once.
 */
public record TraceRequestContent(
        String requestingAgency,
        String requestingCountry,
        String caseReference,
        String legalBasis,
        String illicitContext,
        String recoveryCircumstances,
        String recoveryPlace,
        LocalDate recoveredOn,
        List<MarkingRead> markings,
        String type,
        String make,
        String model,
        String calibre,
        String countryOfOrigin,
        Urgency urgency,
        String intendedUse) {

    public TraceRequestContent {
        List<FieldProblem> p = new ArrayList<>();
        requestingAgency = text(p, "requestingAgency", requestingAgency, 200, true);
        requestingCountry = country(p, "requestingCountry", requestingCountry, true);
        caseReference = text(p, "caseReference", caseReference, 100, true);
        legalBasis = text(p, "legalBasis", legalBasis, 2000, true);
        illicitContext = text(p, "illicitContext", illicitContext, 2000, true);
        recoveryCircumstances = text(p, "recoveryCircumstances", recoveryCircumstances, 2000, true);
        recoveryPlace = text(p, "recoveryPlace", recoveryPlace, 200, true);
        if (recoveredOn == null) {
            p.add(new FieldProblem("recoveredOn", "the date of recovery must be given"));
        } else if (recoveredOn.isAfter(LocalDate.now().plusDays(1))) {
            p.add(new FieldProblem("recoveredOn", "must not be in the future, was " + org.ferret.shared.Words.date(recoveredOn)));
        }
        if (markings == null || markings.isEmpty()) {
            p.add(new FieldProblem("markings", "at least one marking as read must be given"));
            markings = List.of();
        } else if (markings.size() > 10) {
            p.add(new FieldProblem("markings", "at most 10 markings, got " + markings.size()));
        } else {
            List<MarkingRead> clean = new ArrayList<>();
            for (int i = 0; i < markings.size(); i++) {
                MarkingRead m = markings.get(i);
                String field = "markings[" + i + "].marking";
                if (m == null || m.marking() == null || m.marking().isBlank()) {
                    p.add(new FieldProblem(field, "must not be blank (write ? for unreadable characters)"));
                    continue;
                }
                if (m.marking().length() > 100) {
                    p.add(new FieldProblem(field, "at most 100 characters"));
                    continue;
                }
                if (!m.obliterated()) {
                    try {
                        MarkingSearch.parse(m.marking(), false);
                    } catch (FerretException e) {
                        p.add(new FieldProblem(field, e.problems().getFirst().message()
                                + " (set obliterated to true if the marking cannot be read)"));
                        continue;
                    }
                }
                clean.add(new MarkingRead(m.marking().strip(), m.obliterated()));
            }
            markings = List.copyOf(clean);
        }
        type = text(p, "type", type, 30, false);
        if (type != null) {
            String t = type.toUpperCase(Locale.ROOT).replace(' ', '_');
            boolean known = Arrays.stream(ItemKind.values()).anyMatch(k -> k.name().equals(t))
                    || Arrays.stream(ItemCategory.values()).anyMatch(c -> c.name().equals(t));
            if (!known) {
                p.add(new FieldProblem("type", "unknown type '" + type + "'; expected one of "
                        + Arrays.toString(ItemKind.values())));
            } else {
                type = t;
            }
        }
        make = text(p, "make", make, 200, false);
        model = text(p, "model", model, 200, false);
        calibre = text(p, "calibre", calibre, 40, false);
        countryOfOrigin = country(p, "countryOfOrigin", countryOfOrigin, false);
        if (urgency == null) {
            p.add(new FieldProblem("urgency", "must be ROUTINE or URGENT"));
        }
        intendedUse = text(p, "intendedUse", intendedUse, 2000, true);
        if (!p.isEmpty()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "the trace request is not valid: "
                    + p.stream().map(x -> x.field() + ": " + x.message()).reduce((a, b) -> a + "; " + b).orElse(""), p);
        }
    }

    private static String text(List<FieldProblem> p, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                p.add(new FieldProblem(field, "must be given"));
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            p.add(new FieldProblem(field, "at most " + max + " characters, got " + v.length()));
        }
        return v;
    }

    private static String country(List<FieldProblem> p, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                p.add(new FieldProblem(field, "must be given (ISO 3166-1 alpha-2, e.g. FI)"));
            }
            return null;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (!Arrays.asList(Locale.getISOCountries()).contains(v)) {
            p.add(new FieldProblem(field, "unknown country '" + value + "'; expected an ISO 3166-1 alpha-2 code (e.g. FI, DE, US)"));
        }
        return v;
    }
}
