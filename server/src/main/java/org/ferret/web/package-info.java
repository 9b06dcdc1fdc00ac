/**
 * The web shell every screen shares: layout, dashboard, sign-in page, and problem+json for every REST controller.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web", allowedDependencies = {"registry", "identity", "shared"})
package org.ferret.web;
