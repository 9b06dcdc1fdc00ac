package org.ferret.intelligence;

/** How a recipient came to hold an alert. */
public enum RecipientVia {
    GROUP, FORWARDED, RECEIVED, ANSWER
}
