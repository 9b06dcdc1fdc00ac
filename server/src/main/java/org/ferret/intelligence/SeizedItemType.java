package org.ferret.intelligence;

/** What a seized item is: a firearm, an essential component or ammunition (Protocol art. 3). */
public enum SeizedItemType {
    FIREARM, COMPONENT, AMMUNITION
}
