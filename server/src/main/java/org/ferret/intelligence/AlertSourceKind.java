package org.ferret.intelligence;

/** Where what an alert says comes from. */
public enum AlertSourceKind {
    SEIZURE, INVESTIGATION, RISK_ANALYSIS, PARTNER_AGENCY, OPEN_SOURCE, HUMAN_SOURCE
}
