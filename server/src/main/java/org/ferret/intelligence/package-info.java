/**
 * Seizures and intelligence (UN paper recs. 9, 10 and para 22; issue 14): structured seizure records with the
 * legal justification and the criminal context kept apart, the seized items linked to the registry (or registered
 * there as seized), tracing outcomes per item for SDG indicator 16.4.2, analytics of trends, modus, contexts,
 * routes and concealment, and the IAFQ-shaped export of a year's non-nominal aggregates. Persons are stored apart
 * from the non-nominal record and read only with an audited read; nothing outside the agency gets them.
 * <p>
 * Public API: {@link org.ferret.intelligence.Seizures}, {@link org.ferret.intelligence.SeizureAnalytics},
 * {@link org.ferret.intelligence.Alerts} (alerts between agencies and nodes over the signed exchange, with handling
 * markings, closed user groups, subscriptions and proposed indicators adopted into parcels rule pack drafts) and
 * their value types. A parcels outcome of a firearm, component or ammunition becomes a seizure through the published
 * {@link org.ferret.parcels.ParcelOutcomeRecorded}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Seizures and intelligence",
        allowedDependencies = {"registry", "parcels", "exchange", "audit", "shared"})
package org.ferret.intelligence;
