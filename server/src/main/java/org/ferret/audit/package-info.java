/**
 * The tamper-evident audit trail: a hash-chained log of every change and every read of personal data, its
 * verification, and the auditor's screens. Depends on nothing but {@code shared}: every other module writes to it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = {"exchange", "shared"})
package org.ferret.audit;
