package org.ferret.intelligence;

/** What a recipient did on a warning (a feedback alert). */
public enum FeedbackAction {
    SHIPMENT_INSPECTED_NOTHING_FOUND, SEIZURE_MADE, ADDED_TO_SCREENING, UNDER_INVESTIGATION, NO_ACTION_TAKEN
}
