/**
 * Deterministic synthetic demo data, loaded only in demo mode.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data", allowedDependencies = {"registry", "identity", "licensing", "standards", "shared"})
package org.ferret.demo;
