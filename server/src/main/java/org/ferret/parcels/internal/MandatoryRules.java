package org.ferret.parcels.internal;

import java.util.ArrayList;
import java.util.List;

import org.ferret.parcels.Declaration;

/**
 * Rules that hold an item whatever its score and the day's capacity. Each names what it enforces.
 */
public final class MandatoryRules {
    private MandatoryRules() {
    }

    /** One mandatory rule that held. */
    public record Hit(String id, String reason) {}

    public static List<Hit> check(Declaration d) {
        List<Hit> hits = new ArrayList<>();
        boolean chapter93 = d.contents().stream().anyMatch(c -> c.hsCode() != null && c.hsCode().startsWith("93"));
        if (chapter93 && d.licenceNumber() == null) {
            // Protocol art. 10: arms, parts and ammunition move only under an export/import licence (CN23 box 12)
            hits.add(new Hit("hs93-without-licence",
                    "HS chapter 93 (arms and ammunition) declared without a licence number (CN23 box 12; Protocol art. 10)"));
        }
        return hits;
    }

    /** The words of a mandatory rule by its id, if it is one (for the item page's list of rules hit). */
    public static java.util.Optional<String> reasonOf(String id) {
        if (DeclaredLicences.RULE.equals(id)) {
            return java.util.Optional.of("the licence named in CN23 box 12 is not valid here, or does not cover the declared "
                    + "HS chapter 93 goods, their quantity or destination (Protocol art. 10); the decision's reasons say which");
        }
        return "hs93-without-licence".equals(id)
                ? java.util.Optional.of("HS chapter 93 (arms and ammunition) declared without a licence number (CN23 box 12; Protocol art. 10)")
                : java.util.Optional.empty();
    }
}
