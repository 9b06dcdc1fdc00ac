package org.ferret.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.ferret.registry.ItemKind;
import org.ferret.standards.Assessments;
import org.ferret.standards.Comparison;
import org.ferret.standards.Decision;
import org.ferret.standards.FirearmType;
import org.ferret.standards.HumanDecision;
import org.ferret.standards.StandardPack;
import org.ferret.standards.StandardPacks;
import org.ferret.standards.Verdict;

/**
 * The demo's deactivations go through the standards gate like any other (issue 15): before each generated
 * deactivation event, a passing assessment of the item under the shipped EU pack is recorded — the facts of the
 * pack's own pass examples for the item's firearm type, and the proof house's decision on each requirement that calls
 * for a person, with its evidence — and the event names that pack version.
 */
final class DemoDeactivations {
    static final String PACK = "eu-2015-2403";

    private final Assessments assessments;
    private final StandardPack pack;

    DemoDeactivations(Assessments assessments, StandardPacks packs) {
        this.assessments = assessments;
        this.pack = packs.latest(PACK).orElseThrow(() -> new IllegalStateException("the shipped pack " + PACK + " is missing"));
    }

    /** The pack version the event names ({@code id@version}). */
    String reference() {
        return pack.reference();
    }

    /** Records a passing assessment of the item; fails loudly if the pack's examples no longer pass. */
    void assess(UUID item, ItemKind kind) {
        FirearmType type = switch (kind) {
            case PISTOL -> FirearmType.PISTOL;
            case REVOLVER -> FirearmType.REVOLVER;
            case SHOTGUN -> FirearmType.BREAK_ACTION;
            case SUBMACHINE_GUN, MACHINE_GUN -> FirearmType.AUTOMATIC;
            default -> FirearmType.REPEATING_LONG;
        };
        Map<String, HumanDecision> decisions = new LinkedHashMap<>();
        for (StandardPack.Requirement r : pack.applicableTo(type)) {
            if (r.decision() == Decision.HUMAN) {
                Map<String, String> evidence = new LinkedHashMap<>();
                r.evidence().forEach(e -> evidence.put(e, "Proof house (demo), synthetic"));
                decisions.put(r.id(), new HumanDecision(true, "Proof house (demo)", evidence, null));
            }
        }
        var a = assessments.run(pack.id(), pack.version(), type, item, Comparison.referenceItem(pack, type), decisions);
        if (a.result().verdict() != Verdict.PASSED) {
            throw new IllegalStateException("the demo's deactivation facts do not pass " + pack.reference() + ": " + a.result().missing());
        }
    }
}
