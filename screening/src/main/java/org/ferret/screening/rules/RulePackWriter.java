package org.ferret.screening.rules;

import java.util.List;
import java.util.stream.Collectors;

/** Writes a rule pack in the text format {@link RulePackParser} reads. */
public final class RulePackWriter {
    private RulePackWriter() {}

    public static String write(RulePack pack) {
        StringBuilder sb = new StringBuilder();
        sb.append(RulePackParser.MAGIC).append('\n');
        sb.append("name: ").append(pack.name()).append('\n');
        sb.append("version: ").append(pack.version()).append('\n');
        sb.append("profile: ").append(pack.profile()).append('\n');
        for (Rule r : pack.rules()) {
            sb.append('\n').append("rule ").append(r.id()).append('\n');
            for (Condition c : r.conditions()) sb.append("  when ").append(condition(c)).append('\n');
            sb.append("  weight: ").append(r.weight()).append('\n');
            sb.append("  rationale: ").append(r.rationale().strip()).append('\n');
            if (!r.source().isBlank()) sb.append("  source: ").append(r.source().strip()).append('\n');
        }
        return sb.toString();
    }

    public static String condition(Condition c) {
        return switch (c) {
            case Condition.ContainsAny x -> field(x.field()) + " contains any: " + quoted(x.terms());
            case Condition.HsIn x -> field(x.field()) + " hs in: " + x.ranges().stream().map(Object::toString).collect(Collectors.joining(", "));
            case Condition.OneOf x -> field(x.field()) + " is one of: " + quoted(x.values());
            case Condition.Below x -> field(x.field()) + " below: " + x.threshold();
            case Condition.Above x -> field(x.field()) + " above: " + x.threshold();
            case Condition.RouteIn x -> "route " + field(x.originField()) + " -> " + field(x.destinationField()) + " in: "
                    + x.routes().stream().map(Object::toString).collect(Collectors.joining(", "));
            case Condition.ValuePerKgBelow x -> "value per kg " + field(x.valueField()) + " / " + field(x.weightField()) + " below: " + x.threshold();
            case Condition.FirstShipmentWithin x -> "first shipment of " + field(x.field()) + " within: " + x.days() + " days";
        };
    }

    private static String field(String f) {
        return f.matches("[A-Za-z0-9_]+") ? f : '"' + f + '"';
    }

    private static String quoted(List<String> items) {
        return items.stream().map(t -> '"' + t.replace("\"", "\"\"") + '"').collect(Collectors.joining(", "));
    }
}
