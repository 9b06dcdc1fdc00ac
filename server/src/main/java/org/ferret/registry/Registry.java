package org.ferret.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.ferret.audit.Actor;
import org.ferret.audit.AuditLog;
import org.ferret.registry.internal.ImportWriter;
import org.ferret.registry.internal.Registration;
import org.ferret.registry.internal.TimeOrderedIds;
import org.ferret.registry.internal.RegistryStore;
import org.ferret.registry.internal.StoredItem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's public service: register items with their markings, append lifecycle events, fit and remove
 * components, look items up by serial, keep the "marking required" work list, and manage holders. Every change is
 * audited in the same transaction and published as a domain event. Authorisation is the caller's job (the REST
 * controllers and UI check roles); this service is also used by jobs running without a user.
 */
@Service
public class Registry {

    /** Most items returned by one serial lookup. */
    public static final int SERIAL_LOOKUP_LIMIT = 200;

    private final RegistryStore store;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ImportWriter importWriter;
    private final org.springframework.beans.factory.ObjectProvider<ExportControl> exportControls;
    private final org.springframework.beans.factory.ObjectProvider<ImportControl> importControls;
    private final org.springframework.beans.factory.ObjectProvider<DeactivationControl> deactivationControls;
    private final org.springframework.beans.factory.ObjectProvider<ImportedItemControl> importedItemControls;
    private final MarkingRules markingRules;

    Registry(RegistryStore store, ImportWriter importWriter, AuditLog audit, ApplicationEventPublisher events, Clock clock,
            org.springframework.beans.factory.ObjectProvider<ExportControl> exportControls,
            org.springframework.beans.factory.ObjectProvider<ImportControl> importControls,
            org.springframework.beans.factory.ObjectProvider<DeactivationControl> deactivationControls,
            org.springframework.beans.factory.ObjectProvider<ImportedItemControl> importedItemControls,
            MarkingRules markingRules) {
        this.importedItemControls = importedItemControls;
        this.markingRules = markingRules;
        this.exportControls = exportControls;
        this.importControls = importControls;
        this.deactivationControls = deactivationControls;
        this.store = store;
        this.importWriter = importWriter;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- items ----------------------------------------------------------------------------------

    /** Registers an item with the markings it carries; an item without a compliant marking is flagged, not refused. */
    @Transactional
    public ItemView register(NewItem item) {
        return register(item, Map.of());
    }

    /**
     * Registers an item whose first event is the import of an item deactivated abroad or of an alarm or signal
     * weapon, with what the importing state's standard asks for (facts, decisions; {@link ImportedItemControl}); given
     * for any other item, it is refused.
     */
    @Transactional
    public ItemView register(NewItem item, Map<String, Object> standardAssessment) {
        if (item.externalRef() != null) {
            store.findByExternalRef(item.externalRef()).ifPresent(existing -> {
                throw new DuplicateItemException("externalRef", "an item with external reference '"
                        + item.externalRef() + "' is already registered: " + existing);
            });
        }
        if (item.initialEvent() != null) {
            requireNotInFuture("initialEvent.occurredOn", item.initialEvent().occurredOn());
            requireHolderExists("initialEvent.holder", holderOf(item.initialEvent()));
        }
        ItemId id = ItemId.newId();
        String actor = Actor.current().username();
        Registration r = prepare(id, item, now(), actor);
        store.insertItem(r.item(), null, actor, Actor.current().agency());
        int order = 0;
        for (Marking m : r.markings()) {
            store.insertMarking(id, ++order, m, r.item().registeredAt(), null);
        }
        r.history().forEach(store::insertEvent);
        requireFactsWanted(r.item().attributes(), item.initialEvent(), standardAssessment);
        r.history().forEach(e -> control(r.item().kind(), r.item().attributes(), e, standardAssessment));
        DerivedState state = new DerivedState(r.item().status(), r.item().statusSince(), r.item().holder(), null, Set.of());
        List<LifecycleEvent> history = r.history();
        ItemView view = view(id);
        audit.record("ITEM_REGISTERED", "item", id.toString(), null, item);
        events.publishEvent(new ItemRegistered(id, item.kind(), view.markingRequired()));
        history.forEach(e -> publish(view, e, state.status()));
        return view;
    }

    /**
     * Registers a batch of items as one bulk import job, on the same road as {@link #register} (same derivation and
     * marking requirement), written with multi-row inserts inside the caller's transaction. Items whose external
     * reference is already registered are skipped. Published as {@link ItemsRegistered} events of at most
     * {@link ItemsRegistered#MAX_ITEMS} ids, so listeners update incrementally. The caller audits the job.
     *
     * @return how many items were written
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public int registerBatch(List<NewItem> items, UUID importJob, Instant at) {
        if (items.isEmpty()) {
            return 0;
        }
        String actor = Actor.current().username();
        Set<String> existing = importWriter.existingRefs(items.stream().map(NewItem::externalRef)
                .filter(r -> r != null).toList());
        List<Registration> fresh = new ArrayList<>(items.size());
        for (NewItem item : items) {
            if (item.externalRef() == null || !existing.contains(item.externalRef())) {
                if (item.initialEvent() != null) {
                    requireNotInFuture("initialEvent.occurredOn", item.initialEvent().occurredOn());
                }
                fresh.add(prepare(new ItemId(TimeOrderedIds.next()), item, at.truncatedTo(ChronoUnit.MICROS), actor));
            }
        }
        importWriter.write(fresh, importJob, actor, Actor.current().agency());
        fresh.forEach(r -> r.history().forEach(e -> control(r.item().kind(), r.item().attributes(), e, Map.of())));
        for (int i = 0; i < fresh.size(); i += ItemsRegistered.MAX_ITEMS) {
            events.publishEvent(new ItemsRegistered(importJob, at, fresh.subList(i, Math.min(fresh.size(), i + ItemsRegistered.MAX_ITEMS))
                    .stream().map(r -> r.item().id()).toList()));
        }
        return fresh.size();
    }

    /** The one registration road: an item's row, markings and first events, with status and marking requirement derived. */
    private Registration prepare(ItemId id, NewItem item, Instant now, String actor) {
        List<LifecycleEvent> history = new ArrayList<>();
        if (item.initialEvent() != null) {
            history.add(new LifecycleEvent(EventId.newId(), id, 1, now, actor, item.initialEvent()));
        }
        MarkingDecision marking = markingRules.requirementFor(item.kind(), item.markings(),
                StatusDerivation.imported(history));
        DerivedState state = history.isEmpty() ? StatusDerivation.initial() : StatusDerivation.derive(item.kind(), history);
        return new Registration(new StoredItem(id, item.externalRef(), item.kind(), item.attributes(), state.status(),
                state.statusSince(), state.holder(), null, !marking.compliant(), now), item.markings(), history);
    }

    /** The item with its markings, fittings and history. */
    @Transactional(readOnly = true)
    public ItemView get(ItemId id) {
        return find(id).orElseThrow(() -> new ItemNotFoundException("item " + id));
    }

    @Transactional(readOnly = true)
    public Optional<ItemView> find(ItemId id) {
        return store.findItem(id).map(this::view);
    }

    /**
     * Appends a lifecycle event to the item's history. Refused with {@link IllegalTransitionException} when the
     * status derived from the history does not allow it (e.g. anything but a correction after destruction).
     */
    @Transactional
    public ItemView recordEvent(ItemId id, NewEvent event) {
        return recordEvent(id, event, Map.of());
    }

    /**
     * Appends an event; for the import of an item deactivated abroad or of an alarm or signal weapon, with the
     * facts and decisions the importing state's standard asks for ({@link ImportedItemControl}). Given with any other
     * event, they are refused.
     */
    @Transactional
    public ItemView recordEvent(ItemId id, NewEvent event, Map<String, Object> standardAssessment) {
        if (event.type().recordedByOwnOperation()) {
            throw new InvalidValueException("type", "\u201c" + org.ferret.shared.Words.of(event.type()) + "\u201d events are recorded by "
                    + (event.type() == EventType.MARKING ? "adding a marking" : "fitting or removing a component"));
        }
        StoredItem item = lock(id);
        requireFactsWanted(item.attributes(), event, standardAssessment);
        List<LifecycleEvent> before = store.events(id);
        LifecycleEvent appended = append(item, event);
        if (event instanceof NewEvent.Export x) {
            // art. 10: the transfer control (licensing) may refuse the export, which rolls the whole event back
            ExportControl.ExportRecorded recorded = new ExportControl.ExportRecorded(id, appended.id(), item.kind(),
                    x.occurredOn(), x.to(), x.particulars().reference());
            exportControls.orderedStream().forEach(c -> c.exported(recorded));
        }
        control(item.kind(), item.attributes(), appended, standardAssessment);
        if (event instanceof NewEvent.Correction c && c.change() instanceof NewEvent.Withdrawal) {
            // a withdrawn deactivation (here or abroad) no longer counts: the standards module drops it from its lists
            before.stream().filter(e -> e.id().equals(c.corrects()) && e.deactivation() != null).findFirst()
                    .ifPresent(e -> deactivationControls.orderedStream().forEach(d -> d.withdrawn(id, e.id())));
        }
        ItemView view = view(id);
        publish(view, appended, view.status());
        return view;
    }

    /**
     * Adds a marking (and a MARKING event on {@code markedOn}, today on the registry's clock if null); the marking
     * requirement is re-assessed.
     */
    @Transactional
    public ItemView addMarking(ItemId id, Marking marking, LocalDate markedOn) {
        StoredItem item = lock(id);
        if (store.markingCount(id) >= NewItem.MAX_MARKINGS) {
            throw new InvalidValueException("marking", "the item already carries " + store.markingCount(id)
                    + " markings; an item carries at most " + NewItem.MAX_MARKINGS);
        }
        markedOn = markedOn == null ? LocalDate.now(clock) : markedOn;
        NewEvent event = new NewEvent.Marked(markedOn, Particulars.note(
                marking.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " marking"
                        + (marking.location() == null ? "" : " on " + marking.location())));
        LifecycleEvent appended = append(item, event);
        store.insertMarking(id, store.markingCount(id) + 1, marking, appended.recordedAt(), appended.id());
        List<LifecycleEvent> history = store.events(id);
        MarkingDecision decision = requirement(item, history);
        DerivedState state = StatusDerivation.derive(item.kind(), history);
        store.writeProjection(id, state.status(), state.statusSince(), state.holder(), state.fittedTo(), !decision.compliant());
        audit.record("MARKING_ADDED", "item", id.toString(),
                Map.of("markingRequired", item.markingRequired()),
                Map.of("marking", marking, "markingRequired", !decision.compliant()));
        ItemView view = view(id);
        publish(view, appended, view.status());
        return view;
    }

    /** Fits an essential component to a firearm on {@code on} (today if null); both histories record it. */
    @Transactional
    public ItemView fitComponent(ItemId firearm, ItemId component, LocalDate on, String note) {
        return changeComponent(EventType.COMPONENT_FITTED, firearm, component, on, note);
    }

    /** Removes a fitted component from a firearm on {@code on} (today if null); both histories record it. */
    @Transactional
    public ItemView removeComponent(ItemId firearm, ItemId component, LocalDate on, String note) {
        return changeComponent(EventType.COMPONENT_REMOVED, firearm, component, on, note);
    }

    private ItemView changeComponent(EventType type, ItemId firearmId, ItemId componentId, LocalDate date, String note) {
        LocalDate on = date == null ? LocalDate.now(clock) : date;
        if (firearmId.equals(componentId)) {
            throw new InvalidValueException("componentId", "an item cannot be fitted to itself");
        }
        // lock in a fixed order so two concurrent changes cannot deadlock
        boolean firearmFirst = firearmId.value().compareTo(componentId.value()) < 0;
        StoredItem a = lock(firearmFirst ? firearmId : componentId);
        StoredItem b = lock(firearmFirst ? componentId : firearmId);
        StoredItem firearm = firearmFirst ? a : b;
        StoredItem component = firearmFirst ? b : a;
        if (!firearm.kind().isFirearm()) {
            throw new InvalidValueException("firearmId", "item " + firearmId + " is a " + firearm.kind().label() + ", not a firearm");
        }
        if (!component.kind().isComponent()) {
            throw new InvalidValueException("componentId", "item " + componentId + " is a " + component.kind().label()
                    + ", not an essential component");
        }
        Particulars p = Particulars.note(note);
        LifecycleEvent onComponent = append(component, type == EventType.COMPONENT_FITTED
                ? new NewEvent.ComponentFitted(on, firearmId, p) : new NewEvent.ComponentRemoved(on, firearmId, p));
        LifecycleEvent onFirearm = append(firearm, type == EventType.COMPONENT_FITTED
                ? new NewEvent.ComponentFitted(on, componentId, p) : new NewEvent.ComponentRemoved(on, componentId, p));
        ItemView componentView = view(componentId);
        ItemView firearmView = view(firearmId);
        publish(componentView, onComponent, componentView.status());
        publish(firearmView, onFirearm, firearmView.status());
        return firearmView;
    }

    /**
     * Items whose markings (of the item itself or of a component) carry this serial, compared normalised. No
     * transaction: the store answers with one statement, consistent by itself; a read-only transaction around it
     * only added its begin and commit (and the connection's read-only switch) to the API's hottest read.
     */
    public List<ItemSummary> findBySerial(String serial) {
        if (serial == null || serial.isBlank()) {
            throw new InvalidValueException("serial", "must not be blank");
        }
        Text.noControlCharacters("serial", serial, false);
        String normalised = SerialNumber.normalise(serial);
        if (normalised.isEmpty() || normalised.length() > SerialNumber.MAX_LENGTH) {
            throw new InvalidValueException("serial", normalised.isEmpty()
                    ? "must contain a letter or digit besides separators"
                    : "is longer than the " + SerialNumber.MAX_LENGTH + " characters a serial may have");
        }
        return store.findBySerial(normalised, SERIAL_LOOKUP_LIMIT);
    }

    /** The "marking required" work list, oldest registration first. */
    @Transactional(readOnly = true)
    public List<ItemSummary> markingRequired(int offset, int limit) {
        if (offset < 0) {
            throw new InvalidValueException("offset", "must not be negative");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidValueException("limit", "must be between 1 and 1000");
        }
        return store.markingRequired(offset, limit);
    }

    /** The work list with what tells its rows apart: reference, serials, registering agency, and why each needs marking. */
    @Transactional(readOnly = true)
    public List<MarkingWork> markingWorkList(int offset, int limit) {
        List<ItemSummary> items = markingRequired(offset, limit);
        Map<ItemId, String> agencies = store.registeredAgencies(items.stream().map(ItemSummary::id).toList());
        List<MarkingWork> out = new ArrayList<>(items.size());
        for (ItemSummary s : items) {
            StoredItem item = store.findItem(s.id()).orElseThrow(() -> new ItemNotFoundException("item " + s.id()));
            MarkingDecision d = requirement(item, store.events(s.id()));
            List<String> reasons = d instanceof MarkingDecision.NonCompliant nc ? nc.reasons() : List.of();
            out.add(new MarkingWork(s, item.externalRef(), agencies.get(s.id()), reasons));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public long countMarkingRequired() {
        return store.countMarkingRequired();
    }

    /** Current status of each of the given items (items that do not exist are absent); one query for a page of results. */
    public Map<ItemId, ItemStatus> statuses(java.util.Collection<ItemId> ids) {
        return store.statusesOf(ids);
    }

    /** Number of items in each status (all statuses present, zero where none). */
    @Transactional(readOnly = true)
    public Map<ItemStatus, Long> countByStatus() {
        return store.countByStatus();
    }

    /** Items per kind; kinds with no item are left out. */
    @Transactional(readOnly = true)
    public Map<ItemKind, Long> countByKind() {
        return store.countByKind();
    }

    @Transactional(readOnly = true)
    public List<ItemSummary> recentlyRegistered(int limit) {
        return store.recentlyRegistered(Math.max(1, Math.min(limit, 1000)));
    }

    // ---- holders --------------------------------------------------------------------------------

    @Transactional
    public Holder registerHolder(NewHolder h) {
        Holder holder = new Holder(HolderId.newId(), h.type(), h.role(), h.name(), h.licenceNumber(), h.country(), now());
        store.insertHolder(holder);
        audit.record("HOLDER_REGISTERED", "holder", holder.id().toString(), null, holder);
        return holder;
    }

    /** A holder's personal data; the read is recorded in the audit log. */
    @Transactional(readOnly = true)
    public Holder holder(HolderId id) {
        Holder holder = store.findHolder(id).orElseThrow(() -> new ItemNotFoundException("holder " + id));
        audit.recordRead("holder", id.toString(), "name, licence number, country");
        return holder;
    }

    /**
     * Holders with this licence or registration number, compared as serials are (case, whitespace and the separators
     * {@code - . / _} do not count); each holder read is recorded in the audit log.
     */
    @Transactional(readOnly = true)
    public List<Holder> findHoldersByLicence(String licenceNumber) {
        String licence = SerialNumber.normalise(Text.required("licence", licenceNumber, 60));
        if (licence.isEmpty()) {
            throw new InvalidValueException("licence", "must contain a letter or digit besides separators");
        }
        List<Holder> found = store.findHoldersByLicence(licence);
        found.forEach(h -> audit.recordRead("holder", h.id().toString(), "name, licence number, country (search by licence)"));
        return found;
    }

    // ---- internals ------------------------------------------------------------------------------

    private void requireHolderExists(String field, HolderId holder) {
        if (holder != null && store.findHolder(holder).isEmpty()) {
            throw new InvalidValueException(field, "no holder " + holder + " is registered");
        }
    }

    /**
     * The controls other modules hold over an event about to be committed; a refusal rolls everything back. Art. 10:
     * the transfer control (licensing) checks an import's authorisation. Para 46: the standards module assesses the
     * import of an item deactivated abroad or of an alarm weapon under this state's standard. Art. 9: it refuses a
     * deactivation (also one that starts a history) without a passing assessment under the named version.
     */
    private void control(ItemKind kind, ItemAttributes attributes, LifecycleEvent e, Map<String, Object> standard) {
        if (e.what() instanceof NewEvent.Import i) {
            ImportControl.ImportRecorded recorded = new ImportControl.ImportRecorded(e.item(), e.id(), kind,
                    i.occurredOn(), i.from(), i.holder(), i.authorisation(), i.particulars().reference());
            importControls.orderedStream().forEach(c -> c.imported(recorded));
            ImportedItemControl.Concern concern = concern(attributes, i);
            if (concern != null) {
                ImportedItemControl.ImportAssessed assessed = new ImportedItemControl.ImportAssessed(e.item(), e.id(), kind,
                        i.occurredOn(), i.from(), concern, i.deactivated(), standard);
                importedItemControls.orderedStream().forEach(c -> c.imported(assessed));
            }
        }
        if (e.what() instanceof NewEvent.Deactivated d) {
            DeactivationControl.DeactivationRecorded recorded = new DeactivationControl.DeactivationRecorded(e.item(),
                    e.id(), kind, d.occurredOn(), d.deactivation());
            deactivationControls.orderedStream().forEach(c -> c.deactivated(recorded));
        }
    }

    /** Why an import is assessed under this state's standard, or null when it is not. */
    private static ImportedItemControl.Concern concern(ItemAttributes attributes, NewEvent.Import i) {
        if (i.deactivated() != null) {
            return ImportedItemControl.Concern.DEACTIVATED;
        }
        return attributes.construction() == Construction.ALARM_OR_SIGNAL ? ImportedItemControl.Concern.ALARM_OR_SIGNAL : null;
    }

    /** What a standard asks for comes only with an import that is assessed; elsewhere it would be silently lost. */
    private static void requireFactsWanted(ItemAttributes attributes, NewEvent event, Map<String, Object> standard) {
        if (standard != null && !standard.isEmpty()
                && !(event instanceof NewEvent.Import i && concern(attributes, i) != null)) {
            throw new InvalidValueException("standardAssessment", "only the import of an item deactivated abroad or of an "
                    + "alarm or signal weapon is assessed under a technical standard here");
        }
    }

    private StoredItem lock(ItemId id) {
        return store.lockItem(id).orElseThrow(() -> new ItemNotFoundException("item " + id));
    }

    /** Appends one event after checking the whole history still derives, and rewrites the projection from it. */
    private LifecycleEvent append(StoredItem item, NewEvent event) {
        requireNotInFuture("occurredOn", event.occurredOn());
        requireHolderExists("holder", holderOf(event));
        if (event instanceof NewEvent.Correction c && c.change() instanceof Amendment a) {
            requireNotInFuture("amend.occurredOn", a.occurredOn());
            requireHolderExists("amend.holder", a.holder());
        }
        List<LifecycleEvent> history = new ArrayList<>(store.events(item.id()));
        int seq = history.isEmpty() ? 1 : history.getLast().sequence() + 1;
        LifecycleEvent e = new LifecycleEvent(EventId.newId(), item.id(), seq, now(), Actor.current().username(), event);
        history.add(e);
        DerivedState before = StatusDerivation.derive(item.kind(), history.subList(0, history.size() - 1));
        requireConsistent(item, history.subList(0, history.size() - 1), before);
        DerivedState after = StatusDerivation.derive(item.kind(), history);
        store.insertEvent(e);
        // an import (art. 8(1)(b)) or a correction (a withdrawn marking or import) can change the requirement
        boolean markingRequired = !requirement(item, history).compliant();
        store.writeProjection(item.id(), after.status(), after.statusSince(), after.holder(), after.fittedTo(),
                markingRequired);
        audit.record("EVENT_RECORDED", "item", item.id().toString(),
                Map.of("status", before.status()), Map.of("event", e, "status", after.status()));
        return e;
    }

    private static HolderId holderOf(NewEvent e) {
        return switch (e) {
            case NewEvent.Manufacture m -> m.holder();
            case NewEvent.Import i -> i.holder();
            case NewEvent.Transfer t -> t.to();
            default -> null;
        };
    }

    /** Events may be dated today or yesterday's tomorrow (time zones), never later: checked on the registry's clock. */
    private void requireNotInFuture(String field, LocalDate on) {
        if (on != null && on.isAfter(LocalDate.now(clock).plusDays(1))) {
            throw new InvalidValueException(field, "must not be in the future, was " + on);
        }
    }

    /**
     * Refuses to append to a history that no longer explains the stored status (e.g. a theft report deleted in the
     * database while the item is still recorded as stolen), or whose sequence has a gap: the chain of custody must not
     * silently lose an event. The audit verification names the change ({@code ./ferret audit verify}).
     */
    private static void requireConsistent(StoredItem item, List<LifecycleEvent> history, DerivedState derived) {
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).sequence() != i + 1) {
                throw new HistoryInconsistentException("the history of item " + item.id() + " lacks event " + (i + 1)
                        + ": it was changed outside Ferret, so nothing is recorded until an auditor has checked it"
                        + " (./ferret audit verify)");
            }
        }
        if (derived.status() != item.status() || !java.util.Objects.equals(derived.statusSince(), item.statusSince())) {
            throw new HistoryInconsistentException("item " + item.id() + " is recorded as "
                    + org.ferret.shared.Words.lower(item.status())
                    + " but its history gives " + org.ferret.shared.Words.lower(derived.status())
                    + ": the history was changed outside Ferret, so nothing is recorded until an auditor has checked it"
                    + " (./ferret audit verify)");
        }
    }

    private ItemView view(ItemId id) {
        StoredItem item = store.findItem(id).orElseThrow(() -> new ItemNotFoundException("item " + id));
        return view(item);
    }

    /** The art. 8 requirement over the item's markings, leaving out those withdrawn by a correction. */
    private MarkingDecision requirement(StoredItem item, List<LifecycleEvent> history) {
        Set<EventId> retracted = StatusDerivation.retracted(history);
        return markingRules.requirementFor(item.kind(), store.markings(item.id()).stream()
                .filter(m -> m.event() == null || !retracted.contains(m.event()))
                .map(RecordedMarking::marking).toList(), StatusDerivation.imported(history));
    }

    private ItemView view(StoredItem item) {
        List<LifecycleEvent> history = store.events(item.id());
        Set<EventId> retracted = StatusDerivation.retracted(history);
        List<RecordedMarking> markings = store.markings(item.id()).stream()
                .map(m -> m.withRetracted(m.event() != null && retracted.contains(m.event()))).toList();
        MarkingDecision decision = markingRules.requirementFor(item.kind(),
                markings.stream().filter(m -> !m.retracted()).map(RecordedMarking::marking).toList(),
                StatusDerivation.imported(history));
        return new ItemView(item.id(), item.externalRef(), item.kind(), item.attributes(), item.status(),
                item.statusSince(), item.holder(), item.fittedTo(), item.markingRequired(), decision, markings,
                fittings(item, StatusDerivation.effective(history)), StatusDerivation.inOccurrenceOrder(history),
                item.registeredAt());
    }

    /** Fitting periods read from the item's own component events, paired per other item in sequence order. */
    private List<ComponentFitting> fittings(StoredItem item, List<LifecycleEvent> history) {
        Map<ItemId, LocalDate> open = new LinkedHashMap<>();
        List<ComponentFitting> out = new ArrayList<>();
        List<ItemId> related = history.stream().map(LifecycleEvent::relatedItem).filter(r -> r != null).distinct().toList();
        Map<ItemId, ItemKind> kinds = store.kindsOf(related);
        boolean isComponent = item.kind().isComponent();
        for (LifecycleEvent e : history) {
            if (e.type() == EventType.COMPONENT_FITTED) {
                open.put(e.relatedItem(), e.occurredOn());
            } else if (e.type() == EventType.COMPONENT_REMOVED) {
                LocalDate fitted = open.remove(e.relatedItem());
                out.add(fitting(item, isComponent, e.relatedItem(), kinds, fitted, e.occurredOn()));
            }
        }
        open.forEach((other, fitted) -> out.add(fitting(item, isComponent, other, kinds, fitted, null)));
        out.sort(java.util.Comparator.comparing(ComponentFitting::fittedOn,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return out;
    }

    private static ComponentFitting fitting(StoredItem item, boolean isComponent, ItemId other,
            Map<ItemId, ItemKind> kinds, LocalDate fitted, LocalDate removed) {
        return isComponent
                ? new ComponentFitting(other, item.id(), item.kind(), fitted, removed)
                : new ComponentFitting(item.id(), other, kinds.get(other), fitted, removed);
    }

    private void publish(ItemView view, LifecycleEvent e, ItemStatus statusAfter) {
        events.publishEvent(new ItemEventRecorded(view.id(), e.id(), e.type(), e.occurredOn(), statusAfter));
        ItemId id = view.id();
        ItemKind kind = view.kind();
        Object specific = switch (e.what()) {
            case NewEvent.TheftReported t -> new ItemReportedStolen(id, e.id(), kind, t.occurredOn());
            case NewEvent.LossReported l -> new ItemReportedLost(id, e.id(), kind, l.occurredOn());
            case NewEvent.Seizure z -> new ItemSeized(id, e.id(), kind, z.occurredOn());
            case NewEvent.Recovery r -> new ItemRecovered(id, e.id(), kind, r.occurredOn());
            case NewEvent.Export x -> new ItemExported(id, e.id(), kind, x.occurredOn(), x.to());
            case NewEvent.Deactivated d -> new ItemDeactivated(id, e.id(), kind, d.occurredOn());
            case NewEvent.Destroyed d -> new ItemDestroyed(id, e.id(), kind, d.occurredOn());
            default -> null;
        };
        if (specific != null) {
            events.publishEvent(specific);
        }
    }

    /** The normalised serials an item's markings carry (markings withdrawn by a correction left out). */
    public static List<String> serialsOf(ItemView view) {
        return view.markings().stream().filter(m -> !m.retracted()).map(m -> m.marking().elements().serialNumber())
                .filter(s -> s != null).map(SerialNumber::normalised).distinct().toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The serials of the given items, as {@link #forEachSerial} streams them (one query; for event listeners). */
    @Transactional(readOnly = true)
    public void forEachSerialOf(java.util.Collection<ItemId> items, java.util.function.Consumer<RegisteredSerial> sink) {
        store.serialsOf(items).forEach(sink);
    }

    /**
     * Streams every serial in the registry, with the item attributes searches filter on, to {@code sink}; markings
     * withdrawn by a correction are left out. For modules that build their own search structures.
     */
    @Transactional(readOnly = true)
    public void forEachSerial(java.util.function.Consumer<RegisteredSerial> sink) {
        store.forEachSerial(sink);
    }

}
