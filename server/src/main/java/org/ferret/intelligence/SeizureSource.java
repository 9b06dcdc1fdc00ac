package org.ferret.intelligence;

/** Where a seizure record came from. */
public enum SeizureSource {
    RECORDED, IMPORTED, PARCEL
}
