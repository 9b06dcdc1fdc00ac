package org.ferret.intelligence;

/** Why a person is named on a seizure (personal data, kept apart from the non-nominal record). */
public enum PersonRole {
    SUSPECT, OWNER, COURIER, CONSIGNEE, OTHER
}
