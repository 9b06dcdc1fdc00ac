package org.ferret.intelligence;

/** The legal ground of the seizure (kept apart from the criminal context: UNODC Global Study on Firearms Trafficking). */
public enum LegalJustification {
    ILLICIT_POSSESSION, ILLICIT_TRAFFICKING, ILLICIT_MANUFACTURING, ALTERATION_OF_MARKINGS, OTHER_OFFENCE, ADMINISTRATIVE, UNKNOWN
}
