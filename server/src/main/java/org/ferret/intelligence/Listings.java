package org.ferret.intelligence;

import java.io.Reader;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.ferret.audit.RecordCoverage;
import org.ferret.intelligence.internal.ListingCoverage;
import org.ferret.intelligence.internal.ListingModel;
import org.ferret.intelligence.internal.ListingParser;
import org.ferret.intelligence.internal.ListingTerms;
import org.ferret.intelligence.internal.SyntheticListings;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Online listings for web patrolling (UN paper rec. 9): import what investigators' crawlers collected (CSV or JSON,
 * all or nothing), score each for firearms, parts, kits and blueprint sales with reasons, the review queue, confirm
 * (a lead, linked to seizures and alerts) or dismiss; both decisions are labels the model retrains on. Audited, and
 * every row under record coverage.
 */
@Service
public class Listings {

    /** Most listings one import holds. */
    public static final int MAX_IMPORT = 5_000;
    /** Listings scoring at least this are in the review queue. */
    public static final double QUEUE_THRESHOLD = 0.5;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final RecordCoverage coverage;
    private final Clock clock;
    private final ObjectMapper json;
    private volatile ListingModel model;

    Listings(JdbcClient jdbc, AuditLog audit, RecordCoverage coverage, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.coverage = coverage;
        this.clock = clock;
        this.json = json;
    }

    /** What an import did: listings recorded, those already known (same URL, not recorded again), and how many queued. */
    public record ImportResult(int imported, int alreadyKnown, int queued, List<UUID> ids) {
    }

    /** What a retraining did: the examples it learnt from and the new model's version. */
    public record Training(String version, int synthetic, int confirmed, int dismissed) {
    }

    @Transactional
    public ImportResult importCsv(Reader csv) {
        return write(ListingParser.readCsv(csv, MAX_IMPORT, LocalDate.now(clock)));
    }

    @Transactional
    public ImportResult importJson(Reader body) {
        return write(ListingParser.readJson(body, MAX_IMPORT, LocalDate.now(clock)));
    }

    private ImportResult write(ListingParser.Result r) {
        if (!r.problems().isEmpty()) throw invalid(ErrorCode.IMPORT_REJECTED, r.problems());
        ListingModel m = model();
        UUID importId = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String by = Actor.current().username();
        List<UUID> ids = new ArrayList<>();
        int known = 0;
        int queued = 0;
        int position = 0;
        for (ListingParser.Row row : r.rows()) {
            if (jdbc.sql("select count(*) from intel_listing where url_key = ?").param(row.urlKey()).query(Integer.class).single() > 0) {
                known++;
                continue;
            }
            ListingModel.Scored s = m.score(row.title(), row.text());
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into intel_listing (id, import_id, position, platform, url, url_key, title, body, price, currency,
                      seller, listed_on, images, score, category, reasons, model_version, imported_by, imported_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, importId, position++, row.platform(), row.url(), row.urlKey(), row.title(), row.text(), row.price(),
                            row.currency(), row.seller(), row.listedOn(), row.images().isEmpty() ? null : String.join("\n", row.images()),
                            s.score(), s.category() == null ? null : s.category().name(), reasonsJson(s.reasons()), m.version(), by,
                            now.atOffset(ZoneOffset.UTC))
                    .update();
            coverage.cover(ListingCoverage.LISTING, id);
            ids.add(id);
            if (s.score() >= QUEUE_THRESHOLD) queued++;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("import", importId.toString());
        after.put("imported", ids.size());
        after.put("alreadyKnown", known);
        after.put("queued", queued);
        after.put("model", m.version());
        audit.record("LISTINGS_IMPORTED", "intel_listing", importId.toString(), null, after);
        return new ImportResult(ids.size(), known, queued, ids);
    }

    /** The review queue: unreviewed listings scoring at least the threshold, highest first. */
    public List<Listing> queue(int limit) {
        return list(ListingStatus.NEW, QUEUE_THRESHOLD, limit);
    }

    /** Listings in a status (null: any) scoring at least {@code minScore}, highest score first. */
    public List<Listing> list(ListingStatus status, double minScore, int limit) {
        String where = switch (status == null ? "" : status.name()) {
            case "NEW" -> " and r.listing_id is null";
            case "CONFIRMED" -> " and r.decision = 'CONFIRMED'";
            case "DISMISSED" -> " and r.decision = 'DISMISSED'";
            default -> "";
        };
        return jdbc.sql("select l.*, r.decision, r.note as review_note, r.reviewed_by, r.reviewed_at from intel_listing l "
                        + "left join intel_listing_review r on r.listing_id = l.id where l.score >= ?" + where
                        + " order by l.score desc, l.imported_at desc, l.position limit ?")
                .params(minScore, Math.max(1, Math.min(limit, 1000))).query(this::row).list().stream().map(this::withLead).toList();
    }

    public Optional<Listing> find(UUID id) {
        return jdbc.sql("select l.*, r.decision, r.note as review_note, r.reviewed_by, r.reviewed_at from intel_listing l "
                + "left join intel_listing_review r on r.listing_id = l.id where l.id = ?").param(id).query(this::row).optional().map(this::withLead);
    }

    public Listing get(UUID id) {
        return find(id).orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "no listing " + id));
    }

    /**
     * Confirms a listing: it becomes an intelligence lead of the category given (or the one its terms point to),
     * linked to the seizure and the alert given (either may be null). Refused for a listing already decided.
     */
    @Transactional
    public Listing confirm(UUID id, ListingCategory category, String note, UUID seizure, UUID alert) {
        Listing l = get(id);
        List<FieldProblem> problems = new ArrayList<>();
        ListingCategory c = category != null ? category : l.category();
        if (c == null) problems.add(new FieldProblem("category", "say what the listing sells: no firearm, part, kit or blueprint term points to it"));
        checkNote(note, problems);
        if (seizure != null) checkSeizure(seizure, problems);
        if (!problems.isEmpty()) throw invalid(ErrorCode.VALIDATION_FAILED, problems);
        decide(l, ListingStatus.CONFIRMED, note);
        UUID lead = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("insert into intel_lead (id, listing_id, category, note, created_by, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(lead, id, c.name(), blank(note), Actor.current().username(), now.atOffset(ZoneOffset.UTC)).update();
        coverage.cover(ListingCoverage.LEAD, lead);
        audit.record("LISTING_CONFIRMED", "intel_listing", id.toString(), null, Map.of("lead", lead.toString(), "category", c.name(),
                "score", l.score()));
        if (seizure != null) writeLink(lead, seizure, null);
        if (alert != null) writeLink(lead, null, alert);
        return get(id);
    }

    /** Dismisses a listing (nothing of concern); refused for a listing already decided. */
    @Transactional
    public Listing dismiss(UUID id, String note) {
        Listing l = get(id);
        List<FieldProblem> problems = new ArrayList<>();
        checkNote(note, problems);
        if (!problems.isEmpty()) throw invalid(ErrorCode.VALIDATION_FAILED, problems);
        decide(l, ListingStatus.DISMISSED, note);
        audit.record("LISTING_DISMISSED", "intel_listing", id.toString(), null, Map.of("score", l.score()));
        return get(id);
    }

    /** Links a confirmed listing's lead to a seizure or (by its id) to an alert; exactly one of the two. */
    @Transactional
    public Listing link(UUID listing, UUID seizure, UUID alert) {
        Listing l = get(listing);
        if (l.lead() == null) {
            throw new FerretException(ErrorCode.ILLEGAL_TRANSITION, "only a confirmed listing is a lead that can be linked");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if ((seizure == null) == (alert == null)) problems.add(new FieldProblem("seizure", "give a seizure or an alert, one of the two"));
        if (seizure != null) checkSeizure(seizure, problems);
        if (!problems.isEmpty()) throw invalid(ErrorCode.VALIDATION_FAILED, problems);
        for (Listing.LeadLink k : l.lead().links()) {
            if ((seizure != null && seizure.equals(k.seizure())) || (alert != null && alert.equals(k.alert()))) {
                throw new FerretException(ErrorCode.CONFLICT, "the lead is already linked to it");
            }
        }
        writeLink(l.lead().id(), seizure, alert);
        return get(listing);
    }

    private void writeLink(UUID lead, UUID seizure, UUID alert) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into intel_lead_link (id, lead_id, seizure_id, alert_id, linked_by, linked_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, lead, seizure, alert, Actor.current().username(), clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                .update();
        coverage.cover(ListingCoverage.LINK, id);
        audit.record("LEAD_LINKED", "intel_lead", lead.toString(), null,
                seizure != null ? Map.of("seizure", seizure.toString()) : Map.of("alert", alert.toString()));
    }

    private void checkSeizure(UUID seizure, List<FieldProblem> problems) {
        if (jdbc.sql("select count(*) from intel_seizure where id = ?").param(seizure).query(Integer.class).single() == 0) {
            problems.add(new FieldProblem("seizure", "no seizure " + seizure + " is recorded"));
        }
    }

    private static void checkNote(String note, List<FieldProblem> problems) {
        if (note != null && note.length() > 2000) problems.add(new FieldProblem("note", "is longer than 2,000 characters"));
    }

    private void decide(Listing l, ListingStatus decision, String note) {
        if (l.status() != ListingStatus.NEW) {
            throw new FerretException(ErrorCode.ILLEGAL_TRANSITION, "the listing was already " + (l.status() == ListingStatus.CONFIRMED
                    ? "confirmed" : "dismissed") + " by " + l.reviewedBy());
        }
        jdbc.sql("insert into intel_listing_review (listing_id, decision, note, reviewed_by, reviewed_at) values (?, ?, ?, ?, ?)")
                .params(l.id(), decision.name(), blank(note), Actor.current().username(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC)).update();
        coverage.cover(ListingCoverage.REVIEW, l.id());
    }

    // ---- the model ----------------------------------------------------------------------------

    /** The model in use, trained at first use from the synthetic set and the reviewed listings. */
    ListingModel model() {
        ListingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) model = train().model;
                m = model;
            }
        }
        return m;
    }

    /**
     * Retrains the model on the synthetic set's training part and every reviewed listing (confirmed: positive,
     * dismissed: negative); listings imported later are scored by it, earlier ones keep their score. Audited.
     */
    public Training retrain() {
        Trained t = train();
        model = t.model;
        audit.record("LISTING_MODEL_TRAINED", "intel_listing", null, null, Map.of("version", t.training.version(),
                "synthetic", t.training.synthetic(), "confirmed", t.training.confirmed(), "dismissed", t.training.dismissed()));
        return t.training;
    }

    private record Trained(ListingModel model, Training training) {
    }

    private Trained train() {
        List<ListingModel.Example> examples = new ArrayList<>();
        List<SyntheticListings.Labelled> synthetic = SyntheticListings.standard().train();
        synthetic.forEach(l -> examples.add(l.example()));
        int[] counts = new int[2];
        jdbc.sql("select l.title, l.body, r.decision from intel_listing l join intel_listing_review r on r.listing_id = l.id")
                .query((rs, n) -> {
                    boolean positive = "CONFIRMED".equals(rs.getString("decision"));
                    counts[positive ? 0 : 1]++;
                    return new ListingModel.Example(rs.getString("title"), rs.getString("body"), positive);
                }).list().forEach(examples::add);
        String version = "lr-" + clock.instant().truncatedTo(ChronoUnit.SECONDS) + "-s" + synthetic.size() + "-c" + counts[0] + "-d" + counts[1];
        ListingModel m = ListingModel.train(examples, ListingModel.Settings.STANDARD, version, ListingTerms.standard());
        return new Trained(m, new Training(version, synthetic.size(), counts[0], counts[1]));
    }

    // ---- reading ------------------------------------------------------------------------------

    private String reasonsJson(List<ListingReason> reasons) {
        String s = json.writeValueAsString(reasons);
        // the column holds 8,000 characters: fewer text patterns rather than a cut reason
        List<ListingReason> r = new ArrayList<>(reasons);
        while (s.length() > 8000 && !r.isEmpty()) {
            r.remove(r.size() - 1);
            s = json.writeValueAsString(r);
        }
        return s;
    }

    private Listing row(ResultSet rs, int n) throws SQLException {
        String images = rs.getString("images");
        String decision = rs.getString("decision");
        var reviewedAt = rs.getObject("reviewed_at", java.time.OffsetDateTime.class);
        BigDecimal price = rs.getBigDecimal("price");
        var listed = rs.getObject("listed_on", LocalDate.class);
        String category = rs.getString("category");
        return new Listing(rs.getObject("id", UUID.class), rs.getString("platform"), rs.getString("url"), rs.getString("title"),
                rs.getString("body"), price, rs.getString("currency"), rs.getString("seller"), listed,
                images == null ? List.of() : Arrays.asList(images.split("\n")), rs.getDouble("score"),
                category == null ? null : ListingCategory.valueOf(category),
                json.readValue(rs.getString("reasons"), new TypeReference<List<ListingReason>>() { }), rs.getString("model_version"),
                rs.getObject("imported_at", java.time.OffsetDateTime.class).toInstant(),
                decision == null ? ListingStatus.NEW : ListingStatus.valueOf(decision), rs.getString("reviewed_by"),
                reviewedAt == null ? null : reviewedAt.toInstant(), rs.getString("review_note"), null);
    }

    private Listing withLead(Listing l) {
        if (l.status() != ListingStatus.CONFIRMED) return l;
        Listing.Lead lead = jdbc.sql("select * from intel_lead where listing_id = ?").param(l.id()).query((rs, n) -> new Listing.Lead(
                rs.getObject("id", UUID.class), ListingCategory.valueOf(rs.getString("category")), rs.getString("note"), List.of(),
                rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("created_by"))).optional().orElse(null);
        if (lead == null) return l;
        List<Listing.LeadLink> links = jdbc.sql("select k.*, s.reference from intel_lead_link k left join intel_seizure s on s.id = k.seizure_id "
                + "where k.lead_id = ? order by k.linked_at, k.id").param(lead.id()).query((rs, n) -> new Listing.LeadLink(
                rs.getObject("seizure_id", UUID.class), rs.getString("reference"), rs.getObject("alert_id", UUID.class),
                rs.getString("linked_by"), rs.getObject("linked_at", java.time.OffsetDateTime.class).toInstant())).list();
        Listing.Lead full = new Listing.Lead(lead.id(), lead.category(), lead.note(), links, lead.createdAt(), lead.createdBy());
        return new Listing(l.id(), l.platform(), l.url(), l.title(), l.text(), l.price(), l.currency(), l.seller(), l.listedOn(),
                l.images(), l.score(), l.category(), l.reasons(), l.modelVersion(), l.importedAt(), l.status(), l.reviewedBy(),
                l.reviewedAt(), l.reviewNote(), full);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static FerretException invalid(ErrorCode code, List<FieldProblem> problems) {
        FieldProblem first = problems.get(0);
        String detail = (first.line() == null ? "" : "line " + first.line() + ", ") + first.field() + ": " + first.message()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
        return new FerretException(code, detail, problems);
    }
}
