package org.ferret.intelligence;

/** Who may see an alert in a recipient agency (the first half of its handling marking). */
public enum AlertAudience {
    INTELLIGENCE, ENFORCEMENT
}
