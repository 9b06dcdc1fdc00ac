/**
 * The firearms record-keeping registry (UN Firearms Protocol arts. 7, 8, 9): items, markings,
 * append-only lifecycle history, components, holders, retention and CSV bulk import.
 * <p>
 * Public API: {@link org.ferret.registry.Registry}, {@link org.ferret.registry.ItemImport},
 * {@link org.ferret.registry.RetentionPurge}, the value types and the published domain events. Ports other modules
 * implement: {@link org.ferret.registry.MarkingRules} (the art. 8 marking rules, from the standards module),
 * {@link org.ferret.registry.DeactivationControl}, {@link org.ferret.registry.ExportControl},
 * {@link org.ferret.registry.ImportControl}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry", allowedDependencies = {"audit", "shared"})
package org.ferret.registry;
