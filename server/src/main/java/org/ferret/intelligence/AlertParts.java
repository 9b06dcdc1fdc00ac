package org.ferret.intelligence;

import java.math.BigDecimal;
import java.util.List;

/** The structured parts of an alert, as the API takes them and as they travel between nodes. */
public final class AlertParts {

    private AlertParts() {
    }

    static <T> List<T> copy(List<T> l) {
        return l == null ? List.of() : l.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Where what the alert says comes from (kind and a short description, no personal data). */
    public record Source(AlertSourceKind kind, String description) {
    }

    /** A warning's profile of shipments to look for (CENcomm warning). */
    public record ShipmentProfile(List<String> conveyances, List<String> origins, List<String> destinations,
            List<String> declaredDescriptions, List<String> hsCodes, String notes) {
        public ShipmentProfile {
            conveyances = copy(conveyances);
            origins = copy(origins);
            destinations = copy(destinations);
            declaredDescriptions = copy(declaredDescriptions);
            hsCodes = copy(hsCodes);
        }
    }

    /** A modus-operandi notice (in the manner of INTERPOL's purple notice). */
    public record ModusOperandi(List<String> concealment, List<String> devices, List<String> routes, List<String> hsCodes,
            List<String> declaredDescriptions, List<String> printedModels) {
        public ModusOperandi {
            concealment = copy(concealment);
            devices = copy(devices);
            routes = copy(routes);
            hsCodes = copy(hsCodes);
            declaredDescriptions = copy(declaredDescriptions);
            printedModels = copy(printedModels);
        }
    }

    /** What a recipient did on the warning a feedback alert answers. */
    public record Feedback(FeedbackAction action, String note) {
    }

    /**
     * A screening indicator an alert proposes: terms of the declared description, HS codes or ranges ("9305",
     * "9301-9306"), routes ("CN->FI", "*->SE") and value patterns (declared value below, value per kg below). Every
     * part given must hold for a parcel to hit the rule it becomes.
     */
    public record ProposedIndicator(String label, List<String> terms, List<String> hsCodes, List<String> routes,
            BigDecimal declaredValueBelow, BigDecimal valuePerKgBelow) {
        public ProposedIndicator {
            terms = copy(terms);
            hsCodes = copy(hsCodes);
            routes = copy(routes);
        }
    }
}
