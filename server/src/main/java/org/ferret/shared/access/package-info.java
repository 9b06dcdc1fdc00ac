/**
 * Capabilities and the annotations that guard endpoints and screens with them; which role grants which
 * capability is said in one place, {@code org.ferret.identity.Role}.
 */
package org.ferret.shared.access;
