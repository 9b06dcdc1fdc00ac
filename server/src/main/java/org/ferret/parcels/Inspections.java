package org.ferret.parcels;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.ferret.parcels.internal.ParcelStore;
import org.ferret.registry.EventType;
import org.ferret.registry.ItemAttributes;
import org.ferret.registry.ItemCategory;
import org.ferret.registry.ItemKind;
import org.ferret.registry.ItemView;
import org.ferret.registry.NewEvent;
import org.ferret.registry.Particulars;
import org.ferret.registry.NewItem;
import org.ferret.registry.Registry;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspection side: detector verdicts, each site's queue per day, manual additions and removals with a reason,
 * and outcomes. A firearm, component or ammunition outcome registers the seized item through the registry's public
 * API in the same transaction and links it to the parcel.
 */
@Service
public class Inspections {
    /** Detector classes that hold an item at high confidence. */
    public static final List<String> DETECTION_CLASSES = List.of("FIREARM", "ESSENTIAL_COMPONENT", "AMMUNITION", "NONE");

    private final ParcelStore store;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Registry registry;
    private final ApplicationEventPublisher events;
    private final ParcelsProperties properties;
    private final Clock clock;

    Inspections(ParcelStore store, AuditLog audit, Registry registry, ApplicationEventPublisher events, ParcelsProperties properties,
            Optional<Clock> clock) {
        this.store = store;
        this.jdbc = store.jdbc();
        this.audit = audit;
        this.registry = registry;
        this.events = events;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * An X-ray image analysis verdict on the latest version of an item. A weapon class at or above
     * {@code ferret.parcels.detection-hold-confidence} holds the item whatever the capacity.
     */
    @Transactional
    public QueueEntry.Detection detect(String operator, String itemId, String detectedClass, Double confidence, String imageRef, String box) {
        List<FieldProblem> problems = new ArrayList<>();
        String cls = detectedClass == null ? null : detectedClass.strip().toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
        if (cls == null || !DETECTION_CLASSES.contains(cls)) {
            problems.add(new FieldProblem("class", "expected one of: " + String.join(", ", DETECTION_CLASSES) + ", got " + detectedClass));
        }
        if (confidence == null || !(confidence >= 0 && confidence <= 1)) {
            problems.add(new FieldProblem("confidence", "expected a number from 0 to 1, got " + confidence));
        }
        if (imageRef == null || imageRef.isBlank() || imageRef.length() > 500) {
            problems.add(new FieldProblem("imageRef", "the image's reference in the operator's store must be given (at most 500 characters)"));
        }
        if (box != null && box.length() > 100) {
            problems.add(new FieldProblem("box", "at most 100 characters"));
        }
        if (!problems.isEmpty()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, problems.get(0).field() + ": " + problems.get(0).message(), problems);
        }
        String id = itemId.strip().toUpperCase(java.util.Locale.ROOT);
        UUID declaration = latestOf(operator, id);
        boolean hold = !cls.equals("NONE") && confidence >= properties.getDetectionHoldConfidence();
        UUID detection = UUID.randomUUID();
        jdbc.sql("insert into parcel_detection (id, declaration_id, detected_class, confidence, image_ref, box, held, received_at, submitted_by) values (?,?,?,?,?,?,?,?,?)")
                .params(detection, declaration, cls, confidence, imageRef.strip(), box, hold, now(), Actor.current().username()).update();
        store.covered(org.ferret.parcels.internal.ParcelsCoverage.DETECTION, detection);
        if (hold) {
            ParcelStore.DecisionRow d = store.decision(declaration).orElseThrow();
            if (!d.inQueue()) {
                store.changeQueue(declaration, ParcelStore.QueueChange.DETECTION, true, PickedBy.DETECTION,
                        "detector: " + cls.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " at " + confidence,
                        Actor.current().username(), Instant.now(clock));
            }
        }
        audit.record("PARCEL_DETECTION_RECEIVED", "parcel", id, null, Map.of("class", cls, "confidence", confidence, "held", hold));
        return new QueueEntry.Detection(cls, confidence, imageRef.strip(), box);
    }

    private UUID latestOf(String operator, String itemId) {
        List<UUID> ids = operator == null
                ? jdbc.sql("select id from parcel_declaration where item_id = ? order by received_at desc, version desc limit 1").param(itemId).query(UUID.class).list()
                : jdbc.sql("select id from parcel_declaration where operator = ? and item_id = ? order by version desc limit 1").params(operator, itemId).query(UUID.class).list();
        if (ids.isEmpty()) {
            throw new FerretException(ErrorCode.NOT_FOUND, "no declaration of item " + itemId + (operator == null ? "" : " from operator " + operator));
        }
        return ids.get(0);
    }

    /** Filters of the queue; null is any. */
    public record Filter(String site, LocalDate day, Declaration.Direction direction, String operator, Declaration.Category category) {}

    /** The held items of a site and day (all sites when none is given), mandatory and detector holds first, then by score. */
    @Transactional(readOnly = true)
    public List<QueueEntry> queue(Filter f) {
        StringBuilder sql = new StringBuilder("""
                select d.declaration_id, p.operator, p.item_id, p.version, d.site, d.screening_day, p.direction, p.category, p.origin,
                  p.destination, p.contents_json, d.score, d.reasons, d.rules_hit, d.picked_by, d.queue_note, o.kind
                from parcel_decision d join parcel_declaration p on p.id = d.declaration_id
                left join parcel_outcome o on o.declaration_id = d.declaration_id
                where d.in_queue = true""");
        List<Object> params = new ArrayList<>();
        if (f.site() != null) { sql.append(" and d.site = ?"); params.add(f.site()); }
        if (f.day() != null) { sql.append(" and d.screening_day = ?"); params.add(f.day()); }
        if (f.direction() != null) { sql.append(" and p.direction = ?"); params.add(f.direction().name()); }
        if (f.operator() != null) { sql.append(" and p.operator = ?"); params.add(f.operator()); }
        if (f.category() != null) { sql.append(" and p.category = ?"); params.add(f.category().name()); }
        sql.append(" order by case when d.picked_by in ('RULE', 'DETECTION') then 0 else 1 end, d.score desc, p.item_id limit 1000");
        List<QueueEntry> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            String why = rs.getString(15);
            String rules = rs.getString(14);
            String outcome = rs.getString(17);
            return new QueueEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                    rs.getObject(6, LocalDate.class), Declaration.Direction.valueOf(rs.getString(7)),
                    rs.getString(8) == null ? null : Declaration.Category.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10),
                    descriptions(rs.getString(11)), rs.getDouble(12), rs.getString(13),
                    rules == null || rules.isEmpty() ? List.of() : List.of(rules.split(",")), why == null ? PickedBy.HAND : PickedBy.valueOf(why),
                    rs.getString(16), List.of(), outcome == null ? null : OutcomeKind.valueOf(outcome));
        }).list();
        if (rows.isEmpty()) return rows;
        Map<UUID, List<QueueEntry.Detection>> det = new LinkedHashMap<>();
        // the detections of these rows only (at most the 1,000 of the limit), not of every item ever held
        String ids = String.join(",", java.util.Collections.nCopies(rows.size(), "?"));
        jdbc.sql("select declaration_id, detected_class, confidence, image_ref, box from parcel_detection where declaration_id in ("
                        + ids + ") order by received_at")
                .params(rows.stream().map(QueueEntry::declaration).map(Object.class::cast).toList())
                .query(rs -> {
                    det.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new QueueEntry.Detection(rs.getString(2), rs.getDouble(3), rs.getString(4), rs.getString(5)));
                });
        return rows.stream().map(e -> det.containsKey(e.declaration()) ? withDetections(e, det.get(e.declaration())) : e).toList();
    }

    private static QueueEntry withDetections(QueueEntry e, List<QueueEntry.Detection> d) {
        return new QueueEntry(e.declaration(), e.operator(), e.itemId(), e.version(), e.site(), e.day(), e.direction(), e.category(),
                e.origin(), e.destination(), e.description(), e.score(), e.reasons(), e.rulesHit(), e.pickedBy(), e.queueNote(), List.copyOf(d),
                e.outcome());
    }

    private static String descriptions(String contentsJson) {
        // the content lines as stored: [{"description":"…",…},…]; only the descriptions are shown in a queue
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"description\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(contentsJson);
        while (m.find()) out.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        return String.join("; ", out);
    }

    /** Puts a released item into its site's queue by hand, with the analyst's reason. */
    @Transactional
    public void addToQueue(UUID declaration, String reason) {
        String why = requireReason(reason);
        ParcelStore.DecisionRow d = store.decision(declaration)
                .orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "no declaration " + declaration));
        if (d.inQueue()) {
            throw new FerretException(ErrorCode.CONFLICT, "the item is already in the queue");
        }
        store.changeQueue(declaration, ParcelStore.QueueChange.ADDED, true, PickedBy.HAND, why, Actor.current().username(), Instant.now(clock));
        audit.record("PARCEL_QUEUE_ADDED", "parcel_declaration", declaration.toString(), Map.of("inQueue", false),
                Map.of("inQueue", true, "reason", why));
    }

    /** Takes an item out of the queue by hand, with the analyst's reason (the decision it had stays recorded). */
    @Transactional
    public void removeFromQueue(UUID declaration, String reason) {
        String why = requireReason(reason);
        ParcelStore.DecisionRow d = store.decision(declaration)
                .orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "no declaration " + declaration));
        if (!d.inQueue()) {
            throw new FerretException(ErrorCode.CONFLICT, "the item is not in the queue");
        }
        if (jdbc.sql("select count(*) from parcel_outcome where declaration_id = ?").param(declaration).query(Integer.class).single() > 0) {
            throw new FerretException(ErrorCode.CONFLICT, "the item was inspected already; its outcome stays");
        }
        store.changeQueue(declaration, ParcelStore.QueueChange.REMOVED, false, d.pickedBy(), why, Actor.current().username(), Instant.now(clock));
        audit.record("PARCEL_QUEUE_REMOVED", "parcel_declaration", declaration.toString(), Map.of("inQueue", true),
                Map.of("inQueue", false, "reason", why));
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "reason: must be given",
                    List.of(new FieldProblem("reason", "say why the item is added or removed")));
        }
        if (reason.length() > 2000) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "reason: at most 2000 characters",
                    List.of(new FieldProblem("reason", "at most 2000 characters")));
        }
        return reason.strip();
    }

    /** The result of recording an outcome: the registry item registered, if any. */
    public record Recorded(UUID outcome, ItemView registryItem) {}

    /**
     * Records what the inspection of a queued item found. Only items in the queue are inspected, so only they have
     * outcomes; the outcome keeps how the item was picked and its score, for training that corrects for selection.
     */
    @Transactional
    public Recorded recordOutcome(UUID declaration, Outcome o) {
        List<FieldProblem> problems = new ArrayList<>();
        if (o.kind() == null) {
            problems.add(new FieldProblem("kind", "expected one of: NOTHING_FOUND, FIREARM, ESSENTIAL_COMPONENT, AMMUNITION, OTHER_CONTRABAND, MISDECLARED"));
        }
        ItemKind kind = null;
        if (o.kind() == OutcomeKind.ESSENTIAL_COMPONENT) {
            if (o.itemKind() == null || o.itemKind().category() != ItemCategory.ESSENTIAL_COMPONENT) {
                problems.add(new FieldProblem("itemKind", "which essential component: FRAME, RECEIVER, BARREL, SLIDE, BOLT_OR_BREECH_BLOCK, CYLINDER or SUPPRESSOR"));
            }
            kind = o.itemKind();
        } else if (o.kind() == OutcomeKind.FIREARM) {
            if (o.itemKind() != null && o.itemKind().category() != ItemCategory.FIREARM) {
                problems.add(new FieldProblem("itemKind", "a firearm outcome takes a firearm kind (PISTOL, REVOLVER, RIFLE, …) or none"));
            }
            kind = o.itemKind() == null ? ItemKind.OTHER_FIREARM : o.itemKind();
        } else if (o.kind() == OutcomeKind.AMMUNITION) {
            kind = ItemKind.AMMUNITION_LOT;
        } else if (o.itemKind() != null || o.construction() != null) {
            problems.add(new FieldProblem("itemKind", "only a firearm, component or ammunition outcome names an item kind or construction"));
        }
        if (o.notes() != null && o.notes().length() > 2000) {
            problems.add(new FieldProblem("notes", "at most 2000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, problems.get(0).field() + ": " + problems.get(0).message(), problems);
        }
        ParcelStore.DecisionRow d = store.decision(declaration)
                .orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "no declaration " + declaration));
        if (!d.inQueue()) {
            throw new FerretException(ErrorCode.CONFLICT, "only items in the inspection queue are inspected; add it to the queue by hand first");
        }
        if (jdbc.sql("select count(*) from parcel_outcome where declaration_id = ?").param(declaration).query(Integer.class).single() > 0) {
            throw new FerretException(ErrorCode.CONFLICT, "this item's outcome is recorded already");
        }
        Map<String, Object> decl = jdbc.sql("select item_id, operator from parcel_declaration where id = ?").param(declaration).query().singleRow();
        String itemId = (String) decl.get("item_id");
        ItemView registered = null;
        if (o.kind().registersSeizure()) {
            String note = "Found in parcel " + itemId + " (operator " + decl.get("operator") + ") at screening site " + d.site()
                    + (Boolean.FALSE.equals(o.marked()) ? "; unmarked" : Boolean.TRUE.equals(o.marked()) ? "; marked (marking to be recorded from the item)" : "")
                    + (o.notes() == null || o.notes().isBlank() ? "" : "; " + o.notes().strip());
            NewEvent seizure = new NewEvent.Seizure(LocalDate.now(clock), new Particulars("screening site " + d.site(), itemId,
                    note.length() > 2000 ? note.substring(0, 2000) : note));
            registered = registry.register(new NewItem(kind, new ItemAttributes(null, null, null, null, null, o.construction(), null),
                    List.of(), "parcel:" + declaration, seizure));
        }
        UUID id = UUID.randomUUID();
        PickedBy picked = d.pickedBy() == null ? PickedBy.HAND : d.pickedBy();
        jdbc.sql("""
                insert into parcel_outcome (id, declaration_id, kind, component, construction, marked, notes, picked_by, score, registry_item,
                  recorded_by, recorded_at) values (?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(id, declaration, o.kind().name(), kind == null ? null : kind.name(), o.construction() == null ? null : o.construction().name(),
                        o.marked(), o.notes(), picked.name(), d.score(), registered == null ? null : registered.id().value(),
                        Actor.current().username(), now())
                .update();
        store.covered(org.ferret.parcels.internal.ParcelsCoverage.OUTCOME, id);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", o.kind().name());
        after.put("pickedBy", picked.name());
        if (registered != null) after.put("registryItem", registered.id().toString());
        audit.record("PARCEL_OUTCOME_RECORDED", "parcel_declaration", declaration.toString(), null, after);
        events.publishEvent(new ParcelOutcomeRecorded(declaration, itemId, o.kind(), picked, registered == null ? null : registered.id()));
        return new Recorded(id, registered);
    }

    private java.time.OffsetDateTime now() {
        return Instant.now(clock).atOffset(ZoneOffset.UTC);
    }
}
