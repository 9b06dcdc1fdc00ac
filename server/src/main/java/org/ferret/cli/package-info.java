/**
 * The picocli commands of {@code ./ferret}: demo, serve, import, audit, bench, standards (the screening commands run the
 * plain-Java screening library, which is not a module).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command line", allowedDependencies = {"audit", "registry", "tracing", "identity", "exchange", "parcels", "standards", "shared"})
package org.ferret.cli;
