package org.ferret.intelligence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ferret.intelligence.AlertParts.Feedback;
import org.ferret.intelligence.AlertParts.ModusOperandi;
import org.ferret.intelligence.AlertParts.ProposedIndicator;
import org.ferret.intelligence.AlertParts.ShipmentProfile;
import org.ferret.intelligence.AlertParts.Source;

/**
 * An alert to issue: its kind, topic, text, countries it concerns, handling marking, validity, sources, the parts of
 * its kind, the closed user group and other nodes it goes to. {@code answers} (feedback: the warning) and
 * {@code seizure} (seizure alert: the seizure recorded here) link it.
 */
public record NewAlert(AlertType type, AlertTopic topic, String title, String summary, List<String> countries,
        AlertAudience audience, PassOn passOn, LocalDate validFrom, LocalDate validUntil, UUID group, List<String> peers,
        UUID answers, UUID seizure, List<Source> sources, ShipmentProfile profile, ModusOperandi modus,
        Feedback feedback, List<ProposedIndicator> indicators) {
    public NewAlert {
        countries = AlertParts.copy(countries);
        peers = AlertParts.copy(peers);
        sources = AlertParts.copy(sources);
        indicators = AlertParts.copy(indicators);
    }
}
