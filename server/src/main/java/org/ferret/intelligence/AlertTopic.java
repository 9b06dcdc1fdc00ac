package org.ferret.intelligence;

/** What an alert is about; recipients subscribe by topic and country. */
public enum AlertTopic {
    FIREARMS, ESSENTIAL_COMPONENTS, AMMUNITION, CONVERSION_DEVICES, SUPPRESSORS, PRINTED_FIREARMS, ALARM_AND_GAS_WEAPONS, OTHER
}
