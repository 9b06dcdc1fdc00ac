package org.ferret.intelligence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ferret.intelligence.AlertParts.Feedback;
import org.ferret.intelligence.AlertParts.ModusOperandi;
import org.ferret.intelligence.AlertParts.ProposedIndicator;
import org.ferret.intelligence.AlertParts.ShipmentProfile;
import org.ferret.intelligence.AlertParts.Source;

/**
 * An alert as this node holds it: what it says, its handling marking (audience, passing on), validity and sources,
 * who issued it where, and (for the agencies that may see them) its recipients with how far each got.
 */
public record Alert(UUID id, String reference, AlertType type, AlertTopic topic, String title, String summary,
        List<String> countries, AlertAudience audience, PassOn passOn, LocalDate validFrom, LocalDate validUntil,
        String originNode, String originAgency, Instant issuedAt, UUID group, UUID answers, UUID seizure,
        String receivedFrom, List<Source> sources, ShipmentProfile profile, ModusOperandi modus, Feedback feedback,
        List<ProposedIndicator> indicators, List<Recipient> recipients, List<Adoption> adoptions) {

    /** One recipient: an agency here, or another node ({@code node:<id>}), and how far it got. */
    public record Recipient(String recipient, RecipientVia via, Instant addedAt, Instant readAt, String readBy,
            Instant acknowledgedAt, String acknowledgedBy) {
        public boolean node() {
            return recipient.startsWith("node:");
        }
    }

    /** A proposed indicator turned into a rule of a draft rule pack version. */
    public record Adoption(int indicator, String profile, int version, String ruleId, String adoptedBy, Instant adoptedAt) {
    }

    /** Valid on the day given: from its first to its last day. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    /** The content that travels to another node: no recipients of this node, no adoptions. */
    public Alert forTransfer() {
        return new Alert(id, reference, type, topic, title, summary, countries, audience, passOn, validFrom, validUntil,
                originNode, originAgency, issuedAt, null, answers, null, null, sources, profile, modus, feedback,
                indicators, List.of(), List.of());
    }
}
