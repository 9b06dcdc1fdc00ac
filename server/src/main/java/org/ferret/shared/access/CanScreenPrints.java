package org.ferret.shared.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/** Only for printing services and print reviewers submitting 3D-printing files for screening ({@link Capability#SCREEN_PRINTS}). */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAuthority('CAN_SCREEN_PRINTS')")
public @interface CanScreenPrints {
}
