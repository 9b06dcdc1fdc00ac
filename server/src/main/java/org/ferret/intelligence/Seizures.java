package org.ferret.intelligence;

import java.io.Reader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.ferret.audit.RecordCoverage;
import org.ferret.intelligence.internal.IntelligenceCoverage;
import org.ferret.intelligence.internal.SeizureCsv;
import org.ferret.intelligence.internal.SeizureFields;
import org.ferret.intelligence.internal.SeizureQueries;
import org.ferret.registry.Construction;
import org.ferret.registry.ItemAttributes;
import org.ferret.registry.ItemCategory;
import org.ferret.registry.ItemKind;
import org.ferret.registry.ItemView;
import org.ferret.registry.Marking;
import org.ferret.registry.MarkingElements;
import org.ferret.registry.MarkingKind;
import org.ferret.registry.NewEvent;
import org.ferret.registry.NewItem;
import org.ferret.registry.Particulars;
import org.ferret.registry.Registry;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/**
 * Seizure records: record one (from the API, a form or a parcels outcome), import many from CSV or JSON (all or
 * nothing, every problem with its line or field), read them with filters, record tracing outcomes per item, and
 * read the persons (audited). Every change is audited and its rows are under record coverage.
 */
@Service
public class Seizures {

    /** Most rows (items) one CSV import holds, and seizures one JSON import holds. */
    public static final int MAX_IMPORT_ROWS = 10_000;

    private final JdbcClient jdbc;
    private final Registry registry;
    private final AuditLog audit;
    private final RecordCoverage coverage;
    private final Clock clock;

    Seizures(JdbcClient jdbc, Registry registry, AuditLog audit, RecordCoverage coverage, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.audit = audit;
        this.coverage = coverage;
        this.clock = clock;
    }

    /** Records one seizure given as JSON (the API's body); 400 with every problem by field when it is wrong. */
    @Transactional
    public Seizure record(JsonNode json) {
        List<FieldProblem> problems = new ArrayList<>();
        SeizureFields.Raw raw = SeizureFields.fromJson(json, "", problems);
        NewSeizure s = raw == null ? null : SeizureFields.parse(raw, problems);
        if (s == null) {
            throw invalid(ErrorCode.VALIDATION_FAILED, problems);
        }
        return get(write(s, raw, SeizureSource.RECORDED, null, problems));
    }

    /** Records one checked seizure (a form's); the registry checks come as problems by field. */
    @Transactional
    public Seizure record(NewSeizure s, SeizureFields.Raw raw) {
        return get(write(s, raw, SeizureSource.RECORDED, null, new ArrayList<>()));
    }

    /** The result of an import: how many seizures and items were recorded, and their references. */
    public record ImportResult(int seizures, int items, List<String> references) {
    }

    /** Imports seizures from CSV (one row per item): all or none; 422 IMPORT_REJECTED names each line and column. */
    @Transactional
    public ImportResult importCsv(Reader csv) {
        SeizureCsv.Result r = SeizureCsv.read(csv, MAX_IMPORT_ROWS);
        List<FieldProblem> problems = new ArrayList<>(r.problems());
        List<Map.Entry<NewSeizure, SeizureFields.Raw>> checked = new ArrayList<>();
        for (SeizureFields.Raw raw : r.seizures()) {
            NewSeizure s = SeizureFields.parse(raw, problems);
            if (s != null) checked.add(Map.entry(s, raw));
        }
        return importChecked(checked, problems);
    }

    /** Imports seizures from a JSON array of seizure objects: all or none; problems name {@code [index].field}. */
    @Transactional
    public ImportResult importJson(JsonNode array) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Map.Entry<NewSeizure, SeizureFields.Raw>> checked = new ArrayList<>();
        if (array == null || !array.isArray()) {
            throw invalid(ErrorCode.IMPORT_REJECTED, List.of(new FieldProblem("file", "expected a JSON array of seizures")));
        }
        if (array.size() > MAX_IMPORT_ROWS) {
            throw invalid(ErrorCode.IMPORT_REJECTED, List.of(new FieldProblem("file", "more than " + MAX_IMPORT_ROWS + " seizures; split the file")));
        }
        if (array.isEmpty()) {
            throw invalid(ErrorCode.IMPORT_REJECTED, List.of(new FieldProblem("file", "the array holds no seizures")));
        }
        for (int i = 0; i < array.size(); i++) {
            SeizureFields.Raw raw = SeizureFields.fromJson(array.get(i), "[" + i + "].", problems);
            NewSeizure s = raw == null ? null : SeizureFields.parse(raw, problems);
            if (s != null) checked.add(Map.entry(s, raw));
        }
        return importChecked(checked, problems);
    }

    private ImportResult importChecked(List<Map.Entry<NewSeizure, SeizureFields.Raw>> checked, List<FieldProblem> problems) {
        Set<String> references = new HashSet<>();
        for (var e : checked) {
            String ref = e.getKey().reference();
            if (ref != null && !references.add(ref.toLowerCase(Locale.ROOT))) {
                SeizureFields.Part p = e.getValue().seizure();
                problems.add(new FieldProblem(p.prefix() + "reference", p.line(), "reference " + ref + " appears twice in this file"));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(ErrorCode.IMPORT_REJECTED, problems);
        }
        List<String> refs = new ArrayList<>();
        int items = 0;
        for (var e : checked) {
            UUID id = write(e.getKey(), e.getValue(), SeizureSource.IMPORTED, null, problems);
            if (id != null) {
                refs.add(jdbc.sql("select reference from intel_seizure where id = ?").param(id).query(String.class).single());
                items += e.getKey().items().size();
            }
        }
        if (!problems.isEmpty()) {
            // nothing half-written: the whole transaction rolls back with the problems of every seizure
            throw invalid(ErrorCode.IMPORT_REJECTED, problems);
        }
        audit.record("SEIZURES_IMPORTED", "intel_seizure", null, null, Map.of("seizures", refs.size(), "items", items));
        return new ImportResult(refs.size(), items, refs);
    }

    /**
     * Writes a checked seizure: links or registers its items in the registry, then its rows, covered and audited.
     * Problems are added to {@code problems} (and null returned) for an import to report them all; a single record
     * throws them at once.
     */
    UUID write(NewSeizure s, SeizureFields.Raw raw, SeizureSource source, UUID parcel, List<FieldProblem> problems) {
        boolean single = source != SeizureSource.IMPORTED;
        int before = problems.size();
        SeizureFields.Part head = raw == null ? new SeizureFields.Part(null, "", Map.of()) : raw.seizure();
        LocalDate today = LocalDate.now(clock);
        if (s.seizedOn().isAfter(today)) {
            problems.add(new FieldProblem(head.prefix() + "seizedOn", head.line(), "is in the future (today is " + today + ")"));
        }
        String reference = s.reference() != null ? s.reference()
                : "SZ-" + s.country() + "-" + s.seizedOn().getYear() + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        if (jdbc.sql("select count(*) from intel_seizure where lower(reference) = ?").param(reference.toLowerCase(Locale.ROOT))
                .query(Integer.class).single() > 0) {
            problems.add(new FieldProblem(head.prefix() + "reference", head.line(), "reference " + reference + " is already recorded"));
        }
        UUID id = UUID.randomUUID();
        List<Object[]> itemRows = new ArrayList<>();
        for (int i = 0; i < s.items().size(); i++) {
            NewSeizure.Item item = s.items().get(i);
            SeizureFields.Part at = raw == null || i >= raw.items().size() ? new SeizureFields.Part(null, "items[" + i + "].", Map.of()) : raw.items().get(i);
            if (item.yearOfManufacture() != null && item.yearOfManufacture() > s.seizedOn().getYear()) {
                problems.add(new FieldProblem(at.prefix() + "yearOfManufacture", at.line(), "is after the seizure's year"));
                continue;
            }
            try {
                itemRows.add(itemRow(id, i, item, s, reference, at, problems, source != SeizureSource.PARCEL));
            } catch (FerretException e) {
                String field = e.problems().isEmpty() ? "registryItem" : e.problems().get(0).field();
                problems.add(new FieldProblem(at.prefix() + (item.registryItem() != null ? "registryItem" : field), at.line(),
                        "the registry refused the item: " + e.getMessage()));
            }
        }
        if (problems.size() > before) {
            if (single) throw invalid(problems.stream().anyMatch(p -> p.message().contains("already recorded"))
                    ? ErrorCode.CONFLICT : ErrorCode.VALIDATION_FAILED, problems.subList(before, problems.size()));
            return null;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Actor actor = Actor.current();
        jdbc.sql("""
                insert into intel_seizure (id, reference, kind, seized_on, country, locality, latitude, longitude, agency,
                  legal_justification, criminal_context, conveyance, concealment, origin, destination, notes, source,
                  parcel_declaration, recorded_by, recorded_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(id, reference, s.kind().name(), s.seizedOn(), s.country().value(), s.locality(), s.latitude(),
                        s.longitude(), s.agency(), s.legalJustification().name(), s.criminalContext().name(),
                        s.conveyance().name(), s.concealment().name(), code(s.origin()), code(s.destination()), s.notes(),
                        source.name(), parcel, actor.username(), now.atOffset(ZoneOffset.UTC))
                .update();
        coverage.cover(IntelligenceCoverage.SEIZURE, id);
        for (int i = 0; i < s.transit().size(); i++) {
            jdbc.sql("insert into intel_seizure_transit (seizure_id, position, country) values (?,?,?)")
                    .params(id, i + 1, s.transit().get(i).value()).update();
            coverage.cover(IntelligenceCoverage.TRANSIT, id, i + 1);
        }
        for (Object[] row : itemRows) {
            jdbc.sql("""
                    insert into intel_seizure_item (id, seizure_id, position, item_type, registry_item, registered_here,
                      item_kind, construction, marked, year_of_manufacture, calibre, quantity) values (?,?,?,?,?,?,?,?,?,?,?,?)""")
                    .params(row).update();
            coverage.cover(IntelligenceCoverage.ITEM, row[0]);
        }
        for (int i = 0; i < s.persons().size(); i++) {
            NewSeizure.Person p = s.persons().get(i);
            UUID pid = UUID.randomUUID();
            jdbc.sql("insert into intel_seizure_person (id, seizure_id, position, role, name, nationality, birth_year) values (?,?,?,?,?,?,?)")
                    .params(pid, id, i + 1, p.role().name(), p.name(), code(p.nationality()), p.birthYear()).update();
            coverage.cover(IntelligenceCoverage.PERSON, pid);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("reference", reference);
        after.put("kind", s.kind().name());
        after.put("seizedOn", s.seizedOn().toString());
        after.put("country", s.country().value());
        after.put("source", source.name());
        after.put("items", s.items().size());
        after.put("persons", s.persons().size()); // counted only: the audit entry carries no personal data
        if (parcel != null) after.put("parcelDeclaration", parcel.toString());
        audit.record("SEIZURE_RECORDED", "intel_seizure", id.toString(), null, after);
        return id;
    }

    private Object[] itemRow(UUID seizure, int index, NewSeizure.Item item, NewSeizure s, String reference,
            SeizureFields.Part at, List<FieldProblem> problems, boolean recordSeizureEvent) {
        UUID rowId = UUID.randomUUID();
        ItemKind kind = item.itemKind();
        Construction construction = item.construction();
        Boolean marked = item.marked();
        Integer year = item.yearOfManufacture();
        String calibre = item.calibre() == null ? null : item.calibre().value();
        UUID registryItem = null;
        boolean registeredHere = false;
        String place = (s.locality() == null ? "" : s.locality() + ", ") + s.country().value();
        NewEvent event = new NewEvent.Seizure(s.seizedOn(), new Particulars(place, reference,
                "Seizure " + reference + " by " + s.agency()));
        if (item.registryItem() != null) {
            Optional<ItemView> found = registry.find(item.registryItem());
            if (found.isEmpty()) {
                problems.add(new FieldProblem(at.prefix() + "registryItem", at.line(), "no item " + item.registryItem() + " in the registry"));
                return null;
            }
            ItemView v = found.get();
            ItemCategory expected = switch (item.type()) {
                case FIREARM -> ItemCategory.FIREARM;
                case COMPONENT -> ItemCategory.ESSENTIAL_COMPONENT;
                case AMMUNITION -> ItemCategory.AMMUNITION_LOT;
            };
            if (v.kind().category() != expected) {
                problems.add(new FieldProblem(at.prefix() + "registryItem", at.line(), "the registry item is a " + v.kind().label()
                        + ", not " + org.ferret.shared.Words.lower(item.type())));
                return null;
            }
            // parcels registered its item with the seizure as first event already
            if (s.kind() == SeizureKind.SEIZED && recordSeizureEvent) {
                registry.recordEvent(v.id(), event); // a refusal (e.g. a destroyed item) becomes this item's problem
            }
            registryItem = v.id().value();
            kind = v.kind();
            construction = v.attributes().construction();
            year = v.attributes().yearOfManufacture();
            calibre = calibre != null ? calibre : v.attributes().calibre() == null ? null : v.attributes().calibre().value();
            marked = !v.markings().isEmpty();
        } else if (item.type() != SeizedItemType.AMMUNITION) {
            List<Marking> markings = item.serial() == null ? List.of()
                    : List.of(new Marking(MarkingKind.MANUFACTURE, MarkingElements.manufacture(item.manufacturer(),
                            item.countryOfManufacture() == null ? null : item.countryOfManufacture().value(), item.serial()), null, null));
            ItemView v = registry.register(new NewItem(kind, new ItemAttributes(item.manufacturer(), item.model(), item.calibre(),
                    item.countryOfManufacture(), year, construction, null), markings,
                    "seizure:" + reference + ":" + (index + 1), event));
            registryItem = v.id().value();
            registeredHere = true;
            marked = marked != null ? marked : item.serial() != null;
        }
        return new Object[] {rowId, seizure, index + 1, item.type().name(), registryItem, registeredHere,
                kind == null ? null : kind.name(), construction == null ? null : construction.name(), marked, year, calibre,
                item.quantity()};
    }

    private static String code(org.ferret.registry.CountryCode c) {
        return c == null ? null : c.value();
    }

    private static FerretException invalid(ErrorCode code, List<FieldProblem> problems) {
        FieldProblem first = problems.get(0);
        String detail = (first.line() == null ? "" : "line " + first.line() + ", ") + first.field() + ": " + first.message()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
        return new FerretException(code, detail, problems);
    }

    // ---- parcels ------------------------------------------------------------------------------

    /**
     * Records the seizure of a parcel's outcome once: a second call for the same declaration returns the seizure
     * already recorded (the listener may be called again after a restart).
     */
    @Transactional
    public Seizure recordFromParcel(UUID declaration, NewSeizure s) {
        Optional<UUID> existing = jdbc.sql("select id from intel_seizure where parcel_declaration = ?").param(declaration)
                .query(UUID.class).optional();
        if (existing.isPresent()) {
            return get(existing.get());
        }
        return get(write(s, null, SeizureSource.PARCEL, declaration, new ArrayList<>()));
    }

    // ---- tracing outcomes ---------------------------------------------------------------------

    /** Records the tracing outcome of a seized firearm or component (SDG 16.4.2); a later outcome supersedes it. */
    @Transactional
    public Seizure recordTracing(UUID seizure, UUID item, DiversionFinding finding, String note) {
        List<FieldProblem> problems = new ArrayList<>();
        if (finding == null) {
            problems.add(new FieldProblem("finding", "must be given; expected one of: NOT_ESTABLISHED, ESTABLISHED_BY_TRACING, ESTABLISHED_BY_OTHER_MEANS"));
        }
        if (note != null && note.strip().length() > 2000) {
            problems.add(new FieldProblem("note", "at most 2000 characters"));
        }
        if (!problems.isEmpty()) throw invalid(ErrorCode.VALIDATION_FAILED, problems);
        String type = jdbc.sql("select item_type from intel_seizure_item where id = ? and seizure_id = ?")
                .params(item, seizure).query(String.class).optional()
                .orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "no item " + item + " on seizure " + seizure));
        if (SeizedItemType.valueOf(type) == SeizedItemType.AMMUNITION) {
            throw new FerretException(ErrorCode.CONFLICT, "tracing outcomes are recorded for firearms and components, not ammunition",
                    List.of(new FieldProblem("item", "is ammunition")));
        }
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from intel_tracing_outcome where seizure_item_id = ?")
                .param(item).query(Integer.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into intel_tracing_outcome (id, seizure_item_id, seq, finding, note, recorded_by, recorded_at) values (?,?,?,?,?,?,?)")
                .params(id, item, seq, finding.name(), note == null || note.isBlank() ? null : note.strip(),
                        Actor.current().username(), clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                .update();
        coverage.cover(IntelligenceCoverage.TRACING, id);
        audit.record("TRACING_OUTCOME_RECORDED", "intel_seizure_item", item.toString(), null,
                Map.of("seizure", seizure.toString(), "finding", finding.name(), "seq", seq));
        return get(seizure);
    }

    // ---- reads --------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Seizure get(UUID id) {
        return find(id).orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "no seizure " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Seizure> find(UUID id) {
        List<Seizure> found = select("s.id = ?", List.of(id), 1);
        return found.stream().findFirst();
    }

    /** The seizures matching the filter, latest first. */
    @Transactional(readOnly = true)
    public List<Seizure> search(SeizureFilter f, int limit) {
        SeizureQueries.Where w = SeizureQueries.where(f, "s");
        return select(w.sql(), w.params(), Math.max(1, Math.min(limit, 1000)));
    }

    /** The persons named on a seizure (personal data): the read is audited. */
    @Transactional(readOnly = true)
    public List<SeizurePerson> persons(UUID seizure) {
        get(seizure);
        List<SeizurePerson> out = jdbc.sql("select role, name, nationality, birth_year from intel_seizure_person where seizure_id = ? order by position")
                .param(seizure).query((rs, n) -> new SeizurePerson(PersonRole.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), (Integer) rs.getObject(4)))
                .list();
        if (!out.isEmpty()) {
            audit.recordRead("intel_seizure", seizure.toString(), "persons named on the seizure");
        }
        return out;
    }

    private List<Seizure> select(String where, List<Object> params, int limit) {
        List<Object[]> heads = new ArrayList<>();
        List<Seizure> out = new ArrayList<>();
        String sql = """
                select s.id, s.reference, s.kind, s.seized_on, s.country, s.locality, s.latitude, s.longitude, s.agency,
                  s.legal_justification, s.criminal_context, s.conveyance, s.concealment, s.origin, s.destination, s.notes,
                  s.source, s.parcel_declaration, s.recorded_by, s.recorded_at,
                  (select count(*) from intel_seizure_person p where p.seizure_id = s.id) persons
                from intel_seizure s""" + " where " + where + " order by s.seized_on desc, s.recorded_at desc limit " + limit;
        jdbc.sql(sql).params(params).query((ResultSet rs) -> {
            heads.add(new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                    rs.getString(5), rs.getString(6), (Double) rs.getObject(7), (Double) rs.getObject(8), rs.getString(9),
                    rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                    rs.getString(16), rs.getString(17), rs.getObject(18, UUID.class), rs.getString(19),
                    rs.getObject(20, java.time.OffsetDateTime.class).toInstant(), rs.getInt(21)});
        });
        if (heads.isEmpty()) return out;
        Map<UUID, List<Seizure.Item>> items = new LinkedHashMap<>();
        Map<UUID, List<String>> transit = new LinkedHashMap<>();
        List<UUID> ids = heads.stream().map(h -> (UUID) h[0]).toList();
        for (int from = 0; from < ids.size(); from += 200) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 200));
            String in = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.sql("""
                    select i.seizure_id, i.id, i.position, i.item_type, i.registry_item, i.registered_here, i.item_kind,
                      i.construction, i.marked, i.year_of_manufacture, i.calibre, i.quantity,
                      (select t.finding from intel_tracing_outcome t where t.seizure_item_id = i.id
                        and t.seq = (select max(t2.seq) from intel_tracing_outcome t2 where t2.seizure_item_id = i.id)) finding
                    from intel_seizure_item i where i.seizure_id in (""" + in + ") order by i.seizure_id, i.position")
                    .params(new ArrayList<Object>(chunk)).query((ResultSet rs) -> {
                        items.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(item(rs));
                    });
            jdbc.sql("select seizure_id, country from intel_seizure_transit where seizure_id in (" + in + ") order by seizure_id, position")
                    .params(new ArrayList<Object>(chunk)).query((ResultSet rs) -> {
                        transit.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                    });
        }
        for (Object[] h : heads) {
            UUID id = (UUID) h[0];
            out.add(new Seizure(id, (String) h[1], SeizureKind.valueOf((String) h[2]), (LocalDate) h[3], (String) h[4],
                    (String) h[5], (Double) h[6], (Double) h[7], (String) h[8], LegalJustification.valueOf((String) h[9]),
                    CriminalContext.valueOf((String) h[10]), Conveyance.valueOf((String) h[11]), Concealment.valueOf((String) h[12]),
                    (String) h[13], transit.getOrDefault(id, List.of()), (String) h[14], (String) h[15],
                    SeizureSource.valueOf((String) h[16]), (UUID) h[17], items.getOrDefault(id, List.of()), (Integer) h[20],
                    (String) h[18], (Instant) h[19]));
        }
        return out;
    }

    private static Seizure.Item item(ResultSet rs) throws SQLException {
        String kind = rs.getString(7);
        String construction = rs.getString(8);
        String finding = rs.getString(13);
        return new Seizure.Item(rs.getObject(2, UUID.class), rs.getInt(3), SeizedItemType.valueOf(rs.getString(4)),
                rs.getObject(5, UUID.class), rs.getBoolean(6), kind == null ? null : ItemKind.valueOf(kind),
                construction == null ? null : Construction.valueOf(construction), (Boolean) rs.getObject(9),
                (Integer) rs.getObject(10), rs.getString(11), (Integer) rs.getObject(12),
                finding == null ? null : DiversionFinding.valueOf(finding));
    }
}
