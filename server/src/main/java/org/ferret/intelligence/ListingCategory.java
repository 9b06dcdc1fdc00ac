package org.ferret.intelligence;

/** What a listing sells, when it sells something of concern: firearms, essential parts, kits, or blueprint files. */
public enum ListingCategory {
    FIREARM, PART, KIT, BLUEPRINT
}
