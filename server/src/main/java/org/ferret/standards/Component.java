package org.ferret.standards;

/** The part of an item a requirement acts on (essential components and the parts deactivation tables name). */
public enum Component {
    FRAME_OR_RECEIVER, BARREL, SLIDE, BOLT_OR_BREECH_BLOCK, CYLINDER, MAGAZINE, FIRING_MECHANISM, WHOLE_ITEM, RECORDS;

    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
