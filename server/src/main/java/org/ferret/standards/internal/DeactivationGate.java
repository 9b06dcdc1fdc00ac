package org.ferret.standards.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.ferret.audit.AuditLog;
import org.ferret.registry.DeactivationControl;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.standards.Assessment;
import org.ferret.standards.Assessments;
import org.ferret.standards.Purpose;
import org.ferret.standards.StandardPack;
import org.ferret.standards.StandardPacks;
import org.ferret.standards.Verdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Protocol art. 9 as the registry's {@link DeactivationControl}: the "standard applied" of a deactivation names a
 * deactivation pack version ({@code eu-2015-2403@2018/337}) and the item's latest assessment under it must have passed.
 * The link (event, assessment, pack version, certificate) is kept for the list of items deactivated under a standard
 * later found weaker.
 */
@Component
class DeactivationGate implements DeactivationControl {

    static final String FIELD = "deactivation.standardApplied";

    private final StandardPacks packs;
    private final Assessments assessments;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    DeactivationGate(StandardPacks packs, Assessments assessments, JdbcClient jdbc, AuditLog audit) {
        this.packs = packs;
        this.assessments = assessments;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public void deactivated(DeactivationRecorded d) {
        String named = d.deactivation().standardApplied();
        StandardPack pack = packs.byReference(named).filter(p -> p.purpose() == Purpose.DEACTIVATION).orElseThrow(() ->
                refuse("name a deactivation standard version Ferret holds, as id@version: " + String.join(", ",
                        packs.byPurpose(Purpose.DEACTIVATION).stream().map(StandardPack::reference).toList())));
        Assessment a = assessments.latest(d.item().value(), pack.reference()).orElseThrow(() ->
                refuse("this item has no assessment under " + pack.reference() + "; assess it first (Standards, Assess an item)"));
        if (a.result().verdict() != Verdict.PASSED) {
            throw refuse("the item's latest assessment under " + pack.reference() + " has not passed: "
                    + String.join("; ", a.result().missing()));
        }
        jdbc.sql("""
                insert into standards_deactivation (event_id, item_id, assessment_id, pack_id, pack_version, certificate, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(d.event().value(), d.item().value(), a.id(), pack.id(), pack.version(),
                        d.deactivation().certificateNumber(), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        audit.record("STANDARD_DEACTIVATION_LINKED", "standards_deactivation", d.event().value().toString(), null,
                Map.of("item", d.item().value().toString(), "assessment", a.id().toString(), "standard", pack.reference(),
                        "certificate", d.deactivation().certificateNumber()));
    }

    /** A correction withdrew the deactivation: it no longer counts on the list of weaker deactivations. */
    @Override
    public void withdrawn(org.ferret.registry.ItemId item, org.ferret.registry.EventId event) {
        int n = jdbc.sql("update standards_deactivation set withdrawn = true where event_id = ? and withdrawn = false")
                .param(event.value()).update();
        if (n > 0) {
            audit.record("STANDARD_DEACTIVATION_WITHDRAWN", "standards_deactivation", event.value().toString(), null,
                    Map.of("item", item.value().toString()));
        }
    }

    private static FerretException refuse(String message) {
        return new FerretException(ErrorCode.STANDARD_NOT_MET, "Deactivation refused: " + message,
                List.of(new FerretException.FieldProblem(FIELD, message)));
    }
}
