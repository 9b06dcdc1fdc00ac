package org.ferret.intelligence;

/** A person named on a seizure (personal data; each read is audited). */
public record SeizurePerson(PersonRole role, String name, String nationality, Integer birthYear) {
}
