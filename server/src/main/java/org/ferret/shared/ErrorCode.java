package org.ferret.shared;

import org.springframework.http.HttpStatus;

/** Stable error codes carried in the {@code code} member of every problem+json response; never rename one. */
public enum ErrorCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Validation failed"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Malformed request"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    CONFLICT(HttpStatus.CONFLICT, "Conflict"),
    ILLEGAL_TRANSITION(HttpStatus.CONFLICT, "Illegal state transition"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"),
    /** Sign-in refused for a while after repeated failures for the account or from the address. */
    LOGIN_THROTTLED(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins"),
    /** The stored state of a record differs from its history (the history was changed outside Ferret): nothing is appended. */
    HISTORY_INCONSISTENT(HttpStatus.CONFLICT, "Stored state differs from the history"),
    RETENTION_NOT_REACHED(HttpStatus.CONFLICT, "Retention period not reached"),
    IMPORT_REJECTED(HttpStatus.UNPROCESSABLE_CONTENT, "Import rejected"),
    SEARCH_INDEX_NOT_READY(HttpStatus.SERVICE_UNAVAILABLE, "Marking search index is still loading"),
    UNKNOWN_NODE(HttpStatus.FORBIDDEN, "Unknown sending node"),
    SIGNATURE_INVALID(HttpStatus.FORBIDDEN, "Document signature invalid"),
    DOCUMENT_REPLAYED(HttpStatus.CONFLICT, "Document already received"),
    /** A request body over its documented limit (docs/operations.md, "Input limits and error codes"). */
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Request too large"),
    /** Another import is running and did not finish within ferret.import.lock-wait; try again later. */
    IMPORT_IN_PROGRESS(HttpStatus.CONFLICT, "Another import is in progress"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    /** A parcel batch holds more items than the documented limit (ferret.parcels.max-batch). */
    BATCH_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Batch too large"),
    /** Parcel screening lacks what it needs to decide (a model for the profile, the key of the keyed hashes). */
    PARCELS_NOT_CONFIGURED(HttpStatus.SERVICE_UNAVAILABLE, "Parcel screening not configured"),
    /** A rule pack draft the screening library refuses; every problem names the rule and field (issue 12). */
    RULE_PACK_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "Rule pack invalid"),
    /** A rule pack version is approved or rejected by a second person, never by its author (issue 12). */
    FOUR_EYES_REQUIRED(HttpStatus.FORBIDDEN, "A second person must decide"),
    // transfer licensing (issue 13)
    /** An export, shipment or usage report is not covered by an issued, valid licence with quantity left (art. 10). */
    LICENCE_NOT_VALID(HttpStatus.CONFLICT, "Not covered by a valid licence"),
    /** A licence cannot be issued while a blocking check fails (art. 10(2), 10(3), validity, embargo). */
    LICENCE_CHECKS_FAILED(HttpStatus.CONFLICT, "Licence checks failed"),
    // alerts between agencies and nodes (issue 14)
    /** An alert's handling marking does not let this agency or node pass it on. */
    PASSING_ON_FORBIDDEN(HttpStatus.FORBIDDEN, "The handling marking forbids passing it on"),
    // API under load (issue 17)
    /** The API is at its concurrency limit and its short queue is full (ferret.api.concurrency.*); retry after a moment. */
    OVERLOADED(HttpStatus.SERVICE_UNAVAILABLE, "Server busy"),
    // technical standards (issue 15)
    /** A standard pack that does not read or validate; every problem names its line and field. */
    STANDARD_PACK_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "Standard pack invalid"),
    /** A deactivation without a passing assessment under the named standard version (art. 9). */
    STANDARD_NOT_MET(HttpStatus.CONFLICT, "Standard not met"),
    /** A client over its rate (e.g. print screenings per client, ferret.prints.*); retry after the Retry-After seconds. */
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    /** A server-side failure surfaced by the framework (a bug or an outage, never the caller's fault). */
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final HttpStatus status;
    private final String title;

    ErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
