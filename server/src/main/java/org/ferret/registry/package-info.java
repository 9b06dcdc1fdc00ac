/**
 * The firearms record-keeping registry (UN Firearms Protocol arts. 7, 8, 9): items, markings,
 * append-only lifecycle history, components, holders, retention and CSV bulk import.
 * <p>
 * Public API: {@link org.ferret.registry.Registry}, {@link org.ferret.registry.ItemImport},
 * {@link org.ferret.registry.RetentionPurge}, the value types and the published domain events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry", allowedDependencies = {"audit", "shared"})
package org.ferret.registry;
