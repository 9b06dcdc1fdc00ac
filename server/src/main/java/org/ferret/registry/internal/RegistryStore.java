package org.ferret.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.ferret.registry.Calibre;
import org.ferret.registry.Construction;
import org.ferret.registry.CountryCode;
import org.ferret.registry.Deactivation;
import org.ferret.registry.Destruction;
import org.ferret.registry.EventId;
import org.ferret.registry.EventType;
import org.ferret.registry.Holder;
import org.ferret.registry.HolderId;
import org.ferret.registry.HolderRole;
import org.ferret.registry.HolderType;
import org.ferret.registry.ItemAttributes;
import org.ferret.registry.ItemId;
import org.ferret.registry.ItemKind;
import org.ferret.registry.ItemStatus;
import org.ferret.registry.ItemSummary;
import org.ferret.registry.LifecycleEvent;
import org.ferret.registry.Amendment;
import org.ferret.registry.NewEvent;
import org.ferret.registry.Particulars;
import org.ferret.registry.Marking;
import org.ferret.registry.MarkingElements;
import org.ferret.registry.MarkingKind;
import org.ferret.registry.MarkingMethod;
import org.ferret.registry.MarkingRules;
import org.ferret.registry.RecordedMarking;
import org.ferret.registry.RegisteredSerial;
import org.ferret.registry.SerialNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain-SQL access to the registry tables. Events and markings are only ever inserted here; the projection
 * columns of registry_item are written only through {@link #writeProjection}.
 */
@Repository
public class RegistryStore {

    private final JdbcClient jdbc;

    private final DataSource dataSource;
    private final org.ferret.audit.RecordCoverage coverage;
    private final MarkingRules markingRules;

    RegistryStore(JdbcClient jdbc, DataSource dataSource, org.ferret.audit.RecordCoverage coverage, MarkingRules markingRules) {
        this.markingRules = markingRules;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.coverage = coverage;
    }

    // ---- items ----------------------------------------------------------------------------------

    public void insertItem(StoredItem item, UUID importJob, String registeredBy, String agency) {
        ItemAttributes a = item.attributes();
        jdbc.sql("""
                insert into registry_item (id, external_ref, category, kind, manufacturer, model, calibre,
                    country_of_manufacture, year_of_manufacture, construction, quantity, status, status_since,
                    holder_id, fitted_to, marking_required, import_job, registered_at, registered_by, registered_agency)
                values (:id, :ref, :category, :kind, :manufacturer, :model, :calibre, :country, :year, :construction,
                    :quantity, :status, :since, :holder, :fittedTo, :markingRequired, :importJob, :at, :by, :agency)""")
                .param("id", item.id().value())
                .param("ref", item.externalRef())
                .param("category", item.kind().category().name())
                .param("kind", item.kind().name())
                .param("manufacturer", a.manufacturer())
                .param("model", a.model())
                .param("calibre", a.calibre() == null ? null : a.calibre().value())
                .param("country", a.countryOfManufacture() == null ? null : a.countryOfManufacture().value())
                .param("year", a.yearOfManufacture())
                .param("construction", a.construction() == null ? null : a.construction().name())
                .param("quantity", a.quantity())
                .param("status", item.status().name())
                .param("since", item.statusSince())
                .param("holder", item.holder() == null ? null : item.holder().value())
                .param("fittedTo", item.fittedTo() == null ? null : item.fittedTo().value())
                .param("markingRequired", item.markingRequired())
                .param("importJob", importJob)
                .param("at", utc(item.registeredAt()))
                .param("by", registeredBy)
                .param("agency", agency)
                .update();
        coverage.cover(RegistryCoverage.ITEM, item.id().value());
    }

    private static final String ITEM_COLUMNS = """
            id, external_ref, kind, manufacturer, model, calibre, country_of_manufacture, year_of_manufacture,
            construction, quantity, status, status_since, holder_id, fitted_to, marking_required, registered_at""";

    /** {@link #ITEM_COLUMNS} of the table aliased {@code i}, for joins with tables that share column names. */
    private static final String ITEM_COLUMNS_OF_I = java.util.Arrays.stream(ITEM_COLUMNS.split(","))
            .map(c -> "i." + c.strip()).collect(java.util.stream.Collectors.joining(", "));

    public Optional<StoredItem> findItem(ItemId id) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from registry_item where id = :id")
                .param("id", id.value()).query(RegistryStore::item).optional();
    }

    /** Reads the item and locks its row until the transaction ends, so appends to one history are serialised. */
    public Optional<StoredItem> lockItem(ItemId id) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from registry_item where id = :id for update")
                .param("id", id.value()).query(RegistryStore::item).optional();
    }

    public Optional<ItemId> findByExternalRef(String externalRef) {
        return jdbc.sql("select id from registry_item where external_ref = :ref").param("ref", externalRef)
                .query((rs, n) -> new ItemId(rs.getObject(1, UUID.class))).optional();
    }

    /** Rewrites the projection columns; called only with the output of the status derivation and marking policy. */
    public void writeProjection(ItemId id, ItemStatus status, LocalDate since, HolderId holder, ItemId fittedTo,
            boolean markingRequired) {
        jdbc.sql("""
                update registry_item set status = :status, status_since = :since, holder_id = :holder,
                    fitted_to = :fittedTo, marking_required = :markingRequired where id = :id""")
                .param("status", status.name()).param("since", since)
                .param("holder", holder == null ? null : holder.value())
                .param("fittedTo", fittedTo == null ? null : fittedTo.value())
                .param("markingRequired", markingRequired)
                .param("id", id.value())
                .update();
    }

    private static StoredItem item(ResultSet rs, int n) throws SQLException {
        String calibre = rs.getString("calibre");
        String country = rs.getString("country_of_manufacture");
        String construction = rs.getString("construction");
        UUID holder = rs.getObject("holder_id", UUID.class);
        UUID fittedTo = rs.getObject("fitted_to", UUID.class);
        ItemAttributes attrs = new ItemAttributes(rs.getString("manufacturer"), rs.getString("model"),
                calibre == null ? null : new Calibre(calibre), country == null ? null : new CountryCode(country),
                (Integer) rs.getObject("year_of_manufacture", Integer.class),
                construction == null ? null : Construction.valueOf(construction),
                (Integer) rs.getObject("quantity", Integer.class));
        return new StoredItem(new ItemId(rs.getObject("id", UUID.class)), rs.getString("external_ref"),
                ItemKind.valueOf(rs.getString("kind")), attrs, ItemStatus.valueOf(rs.getString("status")),
                rs.getObject("status_since", LocalDate.class), holder == null ? null : new HolderId(holder),
                fittedTo == null ? null : new ItemId(fittedTo), rs.getBoolean("marking_required"),
                rs.getObject("registered_at", OffsetDateTime.class).toInstant());
    }

    // ---- markings -------------------------------------------------------------------------------

    public void insertMarking(ItemId item, int order, Marking m, Instant at, EventId event) {
        MarkingElements e = m.elements();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into registry_marking (id, item_id, mark_order, kind, manufacturer, country_or_place,
                    serial_number, serial_normalised, mark_year, import_country, import_year, model, calibre,
                    geometric_symbols, symbol_code, location, method, recorded_at, event_id)
                values (:id, :item, :order, :kind, :manufacturer, :place, :serial, :normalised, :year,
                    :importCountry, :importYear, :model, :calibre, :symbols, :code, :location, :method, :at, :event)""")
                .param("id", id).param("item", item.value()).param("order", order)
                .param("kind", m.kind().name()).param("manufacturer", e.manufacturer())
                .param("place", e.countryOrPlace())
                .param("serial", e.serialNumber() == null ? null : e.serialNumber().value())
                .param("normalised", e.serialNumber() == null ? null : e.serialNumber().normalised())
                .param("year", e.year())
                .param("importCountry", e.importCountry() == null ? null : e.importCountry().value())
                .param("importYear", e.importYear()).param("model", e.model())
                .param("calibre", e.calibre() == null ? null : e.calibre().value())
                .param("symbols", e.geometricSymbols()).param("code", e.symbolCode())
                .param("location", m.location()).param("method", m.method() == null ? null : m.method().name())
                .param("at", utc(at)).param("event", event == null ? null : event.value())
                .update();
        coverage.cover(RegistryCoverage.MARKING, id);
    }

    public List<RecordedMarking> markings(ItemId item) {
        return jdbc.sql("select * from registry_marking where item_id = :item order by mark_order")
                .param("item", item.value())
                .query((rs, n) -> {
                    Marking m = marking(rs);
                    UUID event = rs.getObject("event_id", UUID.class);
                    return new RecordedMarking(rs.getObject("id", UUID.class), m, markingRules.check(m),
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                            event == null ? null : new EventId(event));
                }).list();
    }

    public int markingCount(ItemId item) {
        return jdbc.sql("select count(*) from registry_marking where item_id = :item").param("item", item.value())
                .query(Integer.class).single();
    }

    private static Marking marking(ResultSet rs) throws SQLException {
        String serial = rs.getString("serial_number");
        String importCountry = rs.getString("import_country");
        String calibre = rs.getString("calibre");
        String method = rs.getString("method");
        MarkingElements e = new MarkingElements(rs.getString("manufacturer"), rs.getString("country_or_place"),
                serial == null ? null : new SerialNumber(serial), rs.getObject("mark_year", Integer.class),
                importCountry == null ? null : new CountryCode(importCountry), rs.getObject("import_year", Integer.class),
                rs.getString("model"), calibre == null ? null : new Calibre(calibre), rs.getString("geometric_symbols"),
                rs.getString("symbol_code"));
        return new Marking(MarkingKind.valueOf(rs.getString("kind")), e, rs.getString("location"),
                method == null ? null : MarkingMethod.valueOf(method));
    }

    // ---- events ---------------------------------------------------------------------------------

    public void insertEvent(LifecycleEvent e) {
        Deactivation d = e.deactivation();
        Destruction x = e.destruction();
        Amendment a = e.amendment();
        jdbc.sql("""
                insert into registry_event (id, item_id, seq, event_type, occurred_on, recorded_at, recorded_by,
                    holder_id, country, place, reference, note, related_item, corrects_event, reason,
                    certificate_number, standard_applied, verifying_authority, deactivation_mark,
                    destruction_method, witness, correction, amend_occurred_on, amend_country, amend_holder,
                    amend_place, amend_reference, amend_note, authorisation, to_country, until_on)
                values (:id, :item, :seq, :type, :on, :at, :by, :holder, :country, :place, :reference, :note,
                    :related, :corrects, :reason, :certificate, :standard, :authority, :mark, :method, :witness,
                    :correction, :amendOn, :amendCountry, :amendHolder, :amendPlace, :amendReference, :amendNote,
                    :authorisation, :toCountry, :until)""")
                .param("authorisation", e.authorisation())
                .param("toCountry", e.toCountry() == null ? null : e.toCountry().value())
                .param("until", e.until())
                .param("id", e.id().value()).param("item", e.item().value()).param("seq", e.sequence())
                .param("type", e.type().name()).param("on", e.occurredOn()).param("at", utc(e.recordedAt()))
                .param("by", e.recordedBy())
                .param("holder", e.holder() == null ? null : e.holder().value())
                .param("country", e.country() == null ? null : e.country().value())
                .param("place", e.place()).param("reference", e.reference()).param("note", e.note())
                .param("related", e.relatedItem() == null ? null : e.relatedItem().value())
                .param("corrects", e.corrects() == null ? null : e.corrects().value())
                .param("reason", e.reason())
                .param("certificate", d != null ? d.certificateNumber() : x != null ? x.certificateNumber() : null)
                .param("standard", d == null ? null : d.standardApplied())
                .param("authority", d == null ? null : d.verifyingAuthority())
                .param("mark", d == null ? null : d.deactivationMark())
                .param("method", x == null ? null : x.method())
                .param("witness", x == null ? null : x.witness())
                .param("correction", e.type() != EventType.CORRECTION ? null : a == null ? "WITHDRAW" : "AMEND")
                .param("amendOn", a == null ? null : a.occurredOn())
                .param("amendCountry", a == null || a.country() == null ? null : a.country().value())
                .param("amendHolder", a == null || a.holder() == null ? null : a.holder().value())
                .param("amendPlace", a == null ? null : a.place())
                .param("amendReference", a == null ? null : a.reference())
                .param("amendNote", a == null ? null : a.note())
                .update();
        coverage.cover(RegistryCoverage.EVENT, e.id().value());
    }

    /**
     * Streams every item's history (events in sequence order), one item at a time; call in a read-only transaction.
     * A stored row that is no valid event (edited in the database: say a transfer without its holder) is left out
     * of its item's history and described to {@code unreadable}.
     */
    public void forEachHistory(java.util.function.BiConsumer<ItemId, List<LifecycleEvent>> sink,
            java.util.function.Consumer<String> unreadable) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(5_000);
        List<LifecycleEvent> current = new ArrayList<>();
        ItemId[] item = {null};
        streaming.query("select * from registry_event order by item_id, seq", rs -> {
            ItemId of = new ItemId(rs.getObject("item_id", java.util.UUID.class));
            if (item[0] != null && !item[0].equals(of)) {
                sink.accept(item[0], List.copyOf(current));
                current.clear();
            }
            item[0] = of;
            try {
                current.add(event(rs, 0));
            } catch (org.ferret.registry.InvalidValueException bad) {
                unreadable.accept("event " + rs.getString("id") + " (number " + rs.getInt("seq") + ") of item "
                        + of + " is not a valid event any more (" + bad.getMessage()
                        + "): the row was changed outside Ferret");
            }
        });
        if (item[0] != null) {
            sink.accept(item[0], List.copyOf(current));
        }
    }

    /** The stored items with these ids (one query). */
    public Map<ItemId, StoredItem> items(Collection<ItemId> ids) {
        Map<ItemId, StoredItem> out = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select " + ITEM_COLUMNS + " from registry_item where id in (:ids)")
                    .param("ids", ids.stream().map(ItemId::value).toList())
                    .query(RegistryStore::item).list().forEach(i -> out.put(i.id(), i));
        }
        return out;
    }

    /** Items with no history whose projection is not that of a freshly registered item. */
    public List<StoredItem> itemsWithoutHistoryNotInInitialState() {
        return jdbc.sql("select " + ITEM_COLUMNS + " " + """
                 from registry_item i where (status <> 'IN_LAWFUL_POSSESSION' or status_since is not null
                    or holder_id is not null or fitted_to is not null)
                 and not exists (select 1 from registry_event e where e.item_id = i.id)""")
                .query(RegistryStore::item).list();
    }

    public long countItems() {
        return jdbc.sql("select count(*) from registry_item").query(Long.class).single();
    }

    /** The item's events in recording order. */
    public List<LifecycleEvent> events(ItemId item) {
        return jdbc.sql("select * from registry_event where item_id = :item order by seq")
                .param("item", item.value()).query(RegistryStore::event).list();
    }

    private static LifecycleEvent event(ResultSet rs, int n) throws SQLException {
        EventType type = EventType.valueOf(rs.getString("event_type"));
        Deactivation d = type == EventType.DEACTIVATION
                || type == EventType.IMPORT && rs.getString("certificate_number") != null
                ? new Deactivation(rs.getString("certificate_number"), rs.getString("standard_applied"),
                        rs.getString("verifying_authority"), rs.getString("deactivation_mark"))
                : null;
        Destruction x = type == EventType.DESTRUCTION
                ? new Destruction(rs.getString("destruction_method"), rs.getString("witness"),
                        rs.getString("certificate_number"))
                : null;
        Amendment amendment = "AMEND".equals(rs.getString("correction"))
                ? new Amendment(rs.getObject("amend_occurred_on", LocalDate.class), country(rs.getString("amend_country")),
                        holderId(rs.getObject("amend_holder", UUID.class)), rs.getString("amend_place"),
                        rs.getString("amend_reference"), rs.getString("amend_note"))
                : null;
        UUID corrects = rs.getObject("corrects_event", UUID.class);
        NewEvent.Fields fields = new NewEvent.Fields(holderId(rs.getObject("holder_id", UUID.class)),
                country(rs.getString("country")),
                new Particulars(rs.getString("place"), rs.getString("reference"), rs.getString("note")),
                corrects == null ? null : new EventId(corrects), rs.getString("reason"), amendment, d, x,
                new NewEvent.Transfers(rs.getString("authorisation"), country(rs.getString("to_country")),
                        rs.getObject("until_on", LocalDate.class)));
        NewEvent what = NewEvent.of(type, rs.getObject("occurred_on", LocalDate.class), fields);
        UUID related = rs.getObject("related_item", UUID.class);
        if (related != null) {
            ItemId other = new ItemId(related);
            what = switch (what) {
                case NewEvent.ComponentFitted f -> new NewEvent.ComponentFitted(f.occurredOn(), other, f.particulars());
                case NewEvent.ComponentRemoved r -> new NewEvent.ComponentRemoved(r.occurredOn(), other, r.particulars());
                default -> what;
            };
        }
        return new LifecycleEvent(new EventId(rs.getObject("id", UUID.class)), new ItemId(rs.getObject("item_id", UUID.class)),
                rs.getInt("seq"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"),
                what);
    }

    private static CountryCode country(String code) {
        return code == null ? null : new CountryCode(code);
    }

    private static HolderId holderId(UUID id) {
        return id == null ? null : new HolderId(id);
    }

    public Map<ItemId, ItemKind> kindsOf(Collection<ItemId> ids) {
        Map<ItemId, ItemKind> kinds = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return kinds;
        }
        jdbc.sql("select id, kind from registry_item where id in (:ids)")
                .param("ids", ids.stream().map(ItemId::value).toList())
                .query((rs, n) -> kinds.put(new ItemId(rs.getObject(1, UUID.class)), ItemKind.valueOf(rs.getString(2))))
                .list();
        return kinds;
    }

    /** Current status of each of the given items that exists (one query). */
    public Map<ItemId, ItemStatus> statusesOf(Collection<ItemId> ids) {
        Map<ItemId, ItemStatus> statuses = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return statuses;
        }
        jdbc.sql("select id, status from registry_item where id in (:ids)")
                .param("ids", ids.stream().map(ItemId::value).toList())
                .query((rs, n) -> statuses.put(new ItemId(rs.getObject(1, UUID.class)), ItemStatus.valueOf(rs.getString(2))))
                .list();
        return statuses;
    }

    // ---- queries --------------------------------------------------------------------------------

    /**
     * Items carrying a marking whose normalised serial equals the given one (uses the serial index), oldest
     * registration first, each with the serials of all its markings. One statement: the API's exact lookup is its
     * hottest read (issue 17), and each further statement was one more round trip and more database CPU than the
     * answer itself needs (docs/benchmarks.md, "API under load").
     */
    public List<ItemSummary> findBySerial(String normalised, int limit) {
        // markings withdrawn by a correction of their MARKING event neither match nor are listed
        Map<UUID, StoredItem> items = new LinkedHashMap<>();
        Map<UUID, List<String>> serials = new HashMap<>();
        jdbc.sql("select " + ITEM_COLUMNS_OF_I + """
                , s.serial_number as listed_serial
                from registry_item i
                left join registry_marking s on s.item_id = i.id and s.serial_number is not null
                    and (s.event_id is null or not exists (
                        select 1 from registry_event c where c.corrects_event = s.event_id and c.correction = 'WITHDRAW'))
                where i.id in (select distinct m.item_id from registry_marking m where m.serial_normalised = :s
                    and (m.event_id is null or not exists (
                        select 1 from registry_event c where c.corrects_event = m.event_id and c.correction = 'WITHDRAW'))
                    order by m.item_id fetch first :limit rows only)
                order by i.registered_at, i.id, s.mark_order""")
                .param("s", normalised).param("limit", limit)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    if (!items.containsKey(id)) {
                        items.put(id, item(rs, n));
                    }
                    String serial = rs.getString("listed_serial");
                    if (serial != null) {
                        serials.computeIfAbsent(id, k -> new ArrayList<>()).add(serial);
                    }
                    return id;
                })
                .list();
        List<ItemSummary> out = new ArrayList<>(items.size());
        for (StoredItem i : items.values()) {
            out.add(summary(i, serials.getOrDefault(i.id().value(), List.of())));
        }
        return out;
    }

    public List<ItemSummary> markingRequired(int offset, int limit) {
        List<UUID> ids = jdbc.sql("""
                select id from registry_item where marking_required = true
                order by registered_at, id offset :offset rows fetch next :limit rows only""")
                .param("offset", offset).param("limit", limit)
                .query((rs, n) -> rs.getObject(1, UUID.class)).list();
        return summaries(ids);
    }

    /** The agency that registered each item (items without one are absent). */
    public Map<ItemId, String> registeredAgencies(List<ItemId> ids) {
        Map<ItemId, String> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, registered_agency from registry_item where id in (:ids) and registered_agency is not null")
                .param("ids", ids.stream().map(ItemId::value).toList())
                .query((rs, n) -> out.put(new ItemId(rs.getObject(1, UUID.class)), rs.getString(2))).list();
        return out;
    }

    public long countMarkingRequired() {
        return jdbc.sql("select count(*) from registry_item where marking_required = true").query(Long.class).single();
    }

    public List<ItemSummary> recentlyRegistered(int limit) {
        List<UUID> ids = jdbc.sql("""
                select id from registry_item order by registered_at desc, id
                offset 0 rows fetch next :limit rows only""")
                .param("limit", limit).query((rs, n) -> rs.getObject(1, UUID.class)).list();
        return summaries(ids);
    }

    public Map<ItemStatus, Long> countByStatus() {
        Map<ItemStatus, Long> counts = new EnumMap<>(ItemStatus.class);
        for (ItemStatus s : ItemStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select status, count(*) from registry_item group by status")
                .query((rs, n) -> counts.put(ItemStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    /** Items per kind, in the enum's order, kinds with no item left out. */
    public Map<ItemKind, Long> countByKind() {
        Map<ItemKind, Long> counts = new EnumMap<>(ItemKind.class);
        jdbc.sql("select kind, count(*) from registry_item group by kind")
                .query((rs, n) -> counts.put(ItemKind.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    /** Summaries in the order of the given ids. */
    public List<ItemSummary> summaries(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<String>> serials = new LinkedHashMap<>();
        jdbc.sql("""
                select m.item_id, m.serial_number from registry_marking m
                where m.item_id in (:ids) and m.serial_number is not null
                and (m.event_id is null or not exists (select 1 from registry_event c where c.corrects_event = m.event_id and c.correction = 'WITHDRAW'))
                order by m.mark_order""")
                .param("ids", ids)
                .query((rs, n) -> serials.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        Map<UUID, StoredItem> items = new LinkedHashMap<>();
        jdbc.sql("select " + ITEM_COLUMNS + " from registry_item where id in (:ids)").param("ids", ids)
                .query(RegistryStore::item).list().forEach(i -> items.put(i.id().value(), i));
        List<ItemSummary> out = new ArrayList<>();
        for (UUID id : ids) {
            StoredItem i = items.get(id);
            if (i != null) {
                out.add(summary(i, serials.getOrDefault(id, List.of())));
            }
        }
        return out;
    }

    private static ItemSummary summary(StoredItem i, List<String> serials) {
        return new ItemSummary(i.id(), i.kind(), i.attributes().manufacturer(), i.attributes().model(), i.status(),
                i.markingRequired(), List.copyOf(serials), i.fittedTo(), i.registeredAt());
    }

    // ---- holders --------------------------------------------------------------------------------

    public void insertHolder(Holder h) {
        jdbc.sql("""
                insert into registry_holder (id, holder_type, holder_role, name, licence_number, licence_normalised,
                    country, registered_at)
                values (:id, :type, :role, :name, :licence, :normalised, :country, :at)""")
                .param("id", h.id().value()).param("type", h.type().name()).param("role", h.role().name())
                .param("name", h.name()).param("licence", h.licenceNumber())
                .param("normalised", h.licenceNumber() == null ? null : SerialNumber.normalise(h.licenceNumber()))
                .param("country", h.country() == null ? null : h.country().value())
                .param("at", utc(h.registeredAt()))
                .update();
        coverage.cover(RegistryCoverage.HOLDER, h.id().value());
    }

    public Optional<Holder> findHolder(HolderId id) {
        return jdbc.sql("select * from registry_holder where id = :id").param("id", id.value())
                .query(RegistryStore::holder).optional();
    }

    /** Holders whose licence number, normalised as serials are, equals the given normalised one. */
    public List<Holder> findHoldersByLicence(String normalised) {
        return jdbc.sql("select * from registry_holder where licence_normalised = :l order by registered_at")
                .param("l", normalised).query(RegistryStore::holder).list();
    }

    private static Holder holder(ResultSet rs, int n) throws SQLException {
        String country = rs.getString("country");
        return new Holder(new HolderId(rs.getObject("id", UUID.class)), HolderType.valueOf(rs.getString("holder_type")),
                HolderRole.valueOf(rs.getString("holder_role")), rs.getString("name"), rs.getString("licence_number"),
                country == null ? null : new CountryCode(country),
                rs.getObject("registered_at", OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    /**
     * Streams every serial of every item (markings withdrawn by a correction left out) without building a
     * list: a cursor on PostgreSQL, so ten million serials need no result set in memory. Call in a read-only
     * transaction.
     */
    public void forEachSerial(Consumer<RegisteredSerial> sink) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(10_000);
        streaming.query("""
                select i.id, i.kind, i.manufacturer, i.model, i.calibre, i.country_of_manufacture, m.serial_number
                from registry_marking m join registry_item i on i.id = m.item_id
                where m.serial_number is not null
                and (m.event_id is null or not exists (
                    select 1 from registry_event c where c.corrects_event = m.event_id and c.correction = 'WITHDRAW'))""",
                rs -> {
                    sink.accept(new RegisteredSerial(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                });
    }

    /** The serials of these items, as {@link #forEachSerial} gives them (one query). */
    public List<RegisteredSerial> serialsOf(Collection<ItemId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select i.id, i.kind, i.manufacturer, i.model, i.calibre, i.country_of_manufacture, m.serial_number
                from registry_marking m join registry_item i on i.id = m.item_id
                where i.id in (:ids) and m.serial_number is not null
                and (m.event_id is null or not exists (
                    select 1 from registry_event c where c.corrects_event = m.event_id and c.correction = 'WITHDRAW'))""")
                .param("ids", ids.stream().map(ItemId::value).toList())
                .query((rs, n) -> new RegisteredSerial(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }
}
