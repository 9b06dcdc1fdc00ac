package org.ferret.shared.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * For analysts and inspectors alike ({@link Capability#SCREEN_PARCELS} or {@link Capability#INSPECT_PARCELS}): the
 * parcels dashboard, which shows counts and no personal data.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyAuthority('CAN_SCREEN_PARCELS', 'CAN_INSPECT_PARCELS')")
public @interface CanScreenOrInspectParcels {
}
