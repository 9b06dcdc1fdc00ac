package org.ferret.tracing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.audit.AuditLog;
import org.ferret.identity.Users;
import org.ferret.registry.EventType;
import org.ferret.registry.ItemId;
import org.ferret.registry.ItemStatus;
import org.ferret.registry.ItemView;
import org.ferret.registry.LifecycleEvent;
import org.ferret.registry.Registry;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.tracing.matching.MalformedPatternException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hit notification (iARMS practice): when an item is seized or found and it, or an item whose serial matches it
 * within the confusion classes, stands reported lost or stolen, the agency that reported it is notified.
 */
@Service
public class HitNotifications {

    private final JdbcClient jdbc;
    private org.ferret.audit.RecordCoverage coverage;
    private final Registry registry;
    private final MarkingSearch search;
    private final Users users;
    private final AuditLog audit;
    private final Clock clock;
    private final TracingProperties props;

    HitNotifications(JdbcClient jdbc, Registry registry, MarkingSearch search, Users users, AuditLog audit, Clock clock,
            TracingProperties props) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.search = search;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.props = props;
    }

    /** Checks a seized or found item against the lost and stolen records; returns the notifications created. */
    @Transactional
    public List<HitNotification> onSeizedOrFound(ItemId trigger, EventType event, LocalDate on) {
        List<HitNotification> created = new ArrayList<>();
        ItemView self = registry.find(trigger).orElse(null);
        if (self == null) {
            return created;
        }
        List<String> serials = Registry.serialsOf(self);
        // the item itself: was it lost or stolen when this event happened?
        // (the history as corrected, in the order the events occurred, up to the triggering event)
        List<LifecycleEvent> history = self.effectiveHistory();
        int triggering = history.size() - 1;
        while (triggering > 0 && !(history.get(triggering).type() == event && history.get(triggering).occurredOn().equals(on))) {
            triggering--;
        }
        LifecycleEvent report = null;
        for (int i = 0; i < triggering; i++) {
            LifecycleEvent e = history.get(i);
            switch (e.type()) {
                case LOSS_REPORTED, THEFT_REPORTED -> report = e;
                case RECOVERY, SEIZURE, SURRENDER, TRANSFER_OF_POSSESSION, DESTRUCTION -> report = null;
                default -> {
                }
            }
        }
        if (report != null) {
            notify(report, self.id(), trigger, event, on, "the same item").ifPresent(created::add);
        }
        // other records whose serial matches this item's serials
        for (String serial : serials) {
            SearchResult r;
            try {
                // a hit notice goes to another agency: fits without edits only, so that one misread character raises no alarm
                r = search.search(new SearchQuery(serial, false, null, null, null, null, null, MarkingSearch.MAX_LIMIT, false));
            } catch (FerretException | MalformedPatternException tooShort) {
                continue;
            }
            for (Candidate c : r.candidates()) {
                if (c.itemId().equals(trigger.value())) {
                    continue;
                }
                ItemView other = registry.find(new ItemId(c.itemId())).orElse(null);
                if (other == null || (other.status() != ItemStatus.REPORTED_STOLEN && other.status() != ItemStatus.REPORTED_LOST)) {
                    continue;
                }
                LifecycleEvent last = null;
                for (LifecycleEvent e : other.effectiveHistory()) {
                    if (e.type() == EventType.LOSS_REPORTED || e.type() == EventType.THEFT_REPORTED) {
                        last = e;
                    }
                }
                if (last != null) {
                    notify(last, other.id(), trigger, event, on, "serial " + serial + " matches recorded serial "
                            + c.serial() + " (" + c.summary() + ")").ifPresent(created::add);
                }
            }
        }
        return created;
    }

    private java.util.Optional<HitNotification> notify(LifecycleEvent report, ItemId lostItem, ItemId trigger,
            EventType event, LocalDate on, String how) {
        String agency = props.defaultAgency();
        if (report.recordedBy() != null && users.exists(report.recordedBy())) {
            agency = users.user(report.recordedBy()).agencyCode();
        }
        long exists = jdbc.sql("""
                select count(*) from tracing_notification
                where item_id = :item and trigger_item = :trigger and trigger_event = :event and agency = :agency""")
                .param("item", lostItem.value()).param("trigger", trigger.value()).param("event", event.name())
                .param("agency", agency).query(Long.class).single();
        if (exists > 0) {
            return java.util.Optional.empty(); // the event was delivered again: notify once
        }
        String kind = report.type() == EventType.THEFT_REPORTED ? "STOLEN_ITEM_" : "LOST_ITEM_";
        kind += event == EventType.SEIZURE ? "SEIZED" : "FOUND";
        String message = "Item " + lostItem + ", reported " + (report.type() == EventType.THEFT_REPORTED ? "stolen" : "lost")
                + " on " + org.ferret.shared.Words.date(report.occurredOn()) + ", hit by a " + (event == EventType.SEIZURE ? "seizure" : "recovery") + " on " + org.ferret.shared.Words.date(on) + " of item "
                + trigger + ": " + how + ". Confirm against the physical item before action.";
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        HitNotification n = new HitNotification(UUID.randomUUID(), agency, kind, lostItem.value(), trigger.value(),
                event.name(), message, now, null);
        jdbc.sql("""
                insert into tracing_notification (id, agency, kind, item_id, trigger_item, trigger_event, message, created_at)
                values (:id, :agency, :kind, :item, :trigger, :event, :message, :at)""")
                .param("id", n.id()).param("agency", agency).param("kind", kind).param("item", lostItem.value())
                .param("trigger", trigger.value()).param("event", event.name()).param("message", message)
                .param("at", TraceStore.ts(now)).update();
        coverage.cover(TracingCoverage.NOTIFICATION, n.id());
        audit.record("HIT_NOTIFIED", "item", lostItem.toString(), null, n);
        return java.util.Optional.of(n);
    }

    @org.springframework.beans.factory.annotation.Autowired
    void setCoverage(org.ferret.audit.RecordCoverage coverage) {
        this.coverage = coverage;
    }

    /** Notifications for an agency (all agencies when null), newest first. */
    public List<HitNotification> forAgency(String agency) {
        String where = agency == null ? "" : " where agency = :agency";
        var spec = jdbc.sql("select id, agency, kind, item_id, trigger_item, trigger_event, message, created_at, read_at "
                + "from tracing_notification" + where + " order by created_at desc");
        if (agency != null) {
            spec = spec.param("agency", agency);
        }
        return spec.query((rs, i) -> new HitNotification(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
                rs.getObject(8, OffsetDateTime.class).toInstant(),
                rs.getObject(9, OffsetDateTime.class) == null ? null : rs.getObject(9, OffsetDateTime.class).toInstant()))
                .list();
    }

    @Transactional
    public HitNotification markRead(UUID id, String agency) {
        HitNotification n = forAgency(agency).stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND, "notification " + id + " not found"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("update tracing_notification set read_at = :at where id = :id and read_at is null")
                .param("at", TraceStore.ts(now)).param("id", id).update();
        coverage.cover(TracingCoverage.NOTIFICATION, id);
        audit.record("HIT_NOTIFICATION_READ", "tracing_notification", id.toString(), null, Map.of("readAt", now.toString()));
        return forAgency(agency).stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }
}
