package org.ferret.registry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code ferret.import.*}: limits of a CSV import sent over HTTP (API and upload page), checked before or while
 * reading, never after writing; {@code ./ferret import items} has no row or size limit. {@code lockWait} bounds how
 * long an import waits for another one to finish before it is refused with 409 IMPORT_IN_PROGRESS.
 */
@ConfigurationProperties("ferret.import")
public record ImportLimits(@DefaultValue("100000") long maxRows, @DefaultValue("32MB") DataSize maxSize,
        @DefaultValue("10s") Duration lockWait) {
}
