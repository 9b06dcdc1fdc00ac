package org.ferret.intelligence;

/** Whether a recipient may pass an alert on (the second half of its handling marking). */
public enum PassOn {
    NOT_TO_BE_PASSED_ON, WITHIN_RECIPIENT_STATE, MAY_BE_PASSED_ON
}
