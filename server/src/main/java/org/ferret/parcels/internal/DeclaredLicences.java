package org.ferret.parcels.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.ferret.licensing.Check;
import org.ferret.licensing.Licensing;
import org.ferret.parcels.Declaration;
import org.springframework.stereotype.Component;

/**
 * The licence a declaration names in CN23 box 12, checked against the licensing module (Protocol art. 10): an issued,
 * valid licence of this node, for the declared destination, covering the HS chapter 93 goods declared and their
 * quantity. A failed check holds the item like a mandatory rule; a passed one is named among the decision's reasons.
 * Together with {@link MandatoryRules} (chapter 93 declared with no licence at all) this is everything that holds an
 * item whatever its score.
 */
@Component
public class DeclaredLicences {

    /** The rule id a failed licence check is recorded under among the rules hit. */
    public static final String RULE = "declared-licence-not-valid";

    private final Licensing licensing;

    DeclaredLicences(Licensing licensing) {
        this.licensing = licensing;
    }

    /** What holds the item whatever its score, and the words of a passed licence check (null if none). */
    public record Result(List<MandatoryRules.Hit> holds, String passed) {
    }

    /** The mandatory rules and, when the declaration names a licence, its check on {@code day}. */
    public Result check(Declaration d, LocalDate day) {
        List<MandatoryRules.Hit> holds = new ArrayList<>(MandatoryRules.check(d));
        if (d.licenceNumber() == null || d.licenceNumber().isBlank() || d.kcs() != null) {
            return new Result(holds, null);
        }
        List<Licensing.DeclaredGoods> goods = d.contents().stream()
                .map(c -> new Licensing.DeclaredGoods(c.hsCode(), c.quantity())).toList();
        String destination = d.direction() == Declaration.Direction.OUTBOUND ? d.destination() : null;
        Check c = licensing.checkDeclared(d.licenceNumber().strip(), goods, destination, day);
        String words = c.name() + " (" + c.provision() + "): " + c.reason();
        if (!c.passed()) {
            holds.add(new MandatoryRules.Hit(RULE, words));
            return new Result(holds, null);
        }
        return new Result(holds, words);
    }
}
