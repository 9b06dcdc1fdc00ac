package org.ferret.intelligence;

/** The criminal context the arms were seized in, whatever the legal ground. */
public enum CriminalContext {
    TRAFFICKING, VIOLENT_CRIME, ORGANISED_CRIME, TERRORISM, DRUG_CRIME, PROPERTY_CRIME, NONE_KNOWN, OTHER
}
