package org.ferret.licensing;

/** What another state said about a transfer (art. 10(2)), or its confirmation of receipt (art. 10(4)). */
public enum AuthorisationKind {
    /** The importing state's import licence or authorisation (art. 10(2)(a)). */
    IMPORT_AUTHORISATION,
    /** A transit state's written notice that it has no objection (art. 10(2)(b)). */
    TRANSIT_NO_OBJECTION,
    /** A transit state objects to the transit. */
    TRANSIT_OBJECTION,
    /** The importing state confirms that the shipments were received (art. 10(4)); asked after shipment. */
    RECEIPT
}
