package org.ferret.intelligence;

/** What an alert is, after WCO CENcomm's message templates, plus the modus-operandi notice (INTERPOL purple notice). */
public enum AlertType {
    WARNING, FEEDBACK, SEIZURE, MODUS_OPERANDI
}
