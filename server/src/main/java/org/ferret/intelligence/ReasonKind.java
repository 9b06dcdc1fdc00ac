package org.ferret.intelligence;

/** The kind of a listing score's reason: an indicator term matched, or a text pattern the model weighs. */
public enum ReasonKind {
    TERM, TEXT_PATTERN
}
