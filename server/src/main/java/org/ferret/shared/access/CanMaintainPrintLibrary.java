package org.ferret.shared.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/** Only for authorities maintaining the fingerprint library of known parts: print reviewers and administrators. */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyAuthority('CAN_REVIEW_PRINTS', 'CAN_ADMINISTER')")
public @interface CanMaintainPrintLibrary {
}
