package org.ferret.standards.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

import org.ferret.audit.AuditLog;
import org.ferret.registry.Construction;
import org.ferret.registry.ItemKind;
import org.ferret.registry.ItemSeized;
import org.ferret.registry.ItemView;
import org.ferret.registry.Registry;
import org.ferret.standards.Assessment;
import org.ferret.standards.Assessments;
import org.ferret.standards.FirearmType;
import org.ferret.standards.Purpose;
import org.ferret.standards.StandardPack;
import org.ferret.standards.StandardPacks;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A seized semi-finished frame or receiver (registry seizure, also one recorded through the intelligence module's
 * seizures) gets an assessment under the semi-finished standard ({@code ferret.standards.seized-semi-finished},
 * 27 CFR 478.12(c) by default), opened undecided: whether it is "readily" completed is a person's decision on each
 * factor's evidence, never an automatic one. It waits on the review list until a decided assessment completes it.
 */
@Component
class SemiFinishedReviews {

    private final Registry registry;
    private final Assessments assessments;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final StandardPack pack;

    SemiFinishedReviews(Registry registry, Assessments assessments, JdbcClient jdbc, AuditLog audit, StandardPacks packs,
            Environment env) {
        this.registry = registry;
        this.assessments = assessments;
        this.jdbc = jdbc;
        this.audit = audit;
        String ref = env.getProperty("ferret.standards.seized-semi-finished", "us-27-cfr-478-12@2022").strip();
        this.pack = packs.byReference(ref).filter(p -> p.purpose() == Purpose.SEMI_FINISHED).orElseThrow(() ->
                new IllegalStateException("ferret.standards.seized-semi-finished=" + ref + " names no loaded "
                        + Purpose.SEMI_FINISHED.name().toLowerCase(Locale.ROOT) + " standard pack (id@version); loaded: "
                        + String.join(", ", packs.byPurpose(Purpose.SEMI_FINISHED).stream().map(StandardPack::reference).toList())));
    }

    @ApplicationModuleListener
    void on(ItemSeized e) {
        if (e.kind() != ItemKind.FRAME && e.kind() != ItemKind.RECEIVER) {
            return;
        }
        ItemView item = registry.find(e.item()).orElse(null);
        if (item == null || item.attributes().construction() != Construction.SEMI_FINISHED) {
            return;
        }
        boolean known = jdbc.sql("select count(*) from standards_review where event_id = ?").param(e.event().value())
                .query(Long.class).single() > 0;
        if (known) {
            return; // the publication registry may deliver an event again after a restart
        }
        Assessment opened = assessments.run(pack.id(), pack.version(), FirearmType.PARTIAL_FRAME_OR_RECEIVER,
                e.item().value(), Map.of(), Map.of());
        jdbc.sql("""
                insert into standards_review (event_id, item_id, pack_id, pack_version, opened_assessment, opened_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(e.event().value(), e.item().value(), pack.id(), pack.version(), opened.id(),
                        OffsetDateTime.ofInstant(opened.assessedAt(), ZoneOffset.UTC))
                .update();
        audit.record("STANDARD_REVIEW_OPENED", "standards_review", e.event().value().toString(), null,
                Map.of("item", e.item().value().toString(), "assessment", opened.id().toString(), "standard",
                        pack.reference(), "seizedOn", e.occurredOn().toString()));
    }
}
