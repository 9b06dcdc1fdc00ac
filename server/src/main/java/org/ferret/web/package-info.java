/**
 * The web shell every screen shares: layout, dashboard (with the licensing officer's overdue counts), sign-in page, and
 * problem+json for every REST controller.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web", allowedDependencies = {"registry", "identity", "licensing", "shared"})
package org.ferret.web;
