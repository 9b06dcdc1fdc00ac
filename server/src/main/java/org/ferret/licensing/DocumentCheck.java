package org.ferret.licensing;

/**
 * The offline check of a signed licence document: whether the signature is the issuing node's (this node or a
 * trusted peer), and, for this node's own licences, how the licence stands now.
 */
public record DocumentCheck(boolean authentic, String issuer, String number, String reason, Verification current) {
}
