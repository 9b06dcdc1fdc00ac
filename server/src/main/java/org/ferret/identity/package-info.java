/**
 * Agencies, users, roles, API tokens and the security filter chains; the first administrator and the demo users.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"audit", "shared"})
package org.ferret.identity;
