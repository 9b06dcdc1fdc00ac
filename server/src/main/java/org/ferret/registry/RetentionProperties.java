package org.ferret.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ferret.retention.years}: how long registry records are kept after destruction or export. Protocol art. 7
 * requires at least ten years; the default follows EU Directive 2021/555 art. 4(5) (thirty years after destruction).
 */
@ConfigurationProperties("ferret.retention")
public record RetentionProperties(@DefaultValue("30") int years) {

    /** Protocol art. 7: records are kept for not less than ten years. */
    public static final int PROTOCOL_MINIMUM_YEARS = 10;

    public RetentionProperties {
        if (years < PROTOCOL_MINIMUM_YEARS) {
            throw new IllegalArgumentException("ferret.retention.years is " + years + " but Protocol art. 7 requires "
                    + "records to be kept for not less than " + PROTOCOL_MINIMUM_YEARS + " years");
        }
    }
}
