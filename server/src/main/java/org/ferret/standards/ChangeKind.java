package org.ferret.standards;

/** How a part of a pack differs between two versions. */
public enum ChangeKind {
    ADDED, REMOVED, CHANGED
}
