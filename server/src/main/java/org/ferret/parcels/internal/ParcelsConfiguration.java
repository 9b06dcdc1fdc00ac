package org.ferret.parcels.internal;

import org.ferret.parcels.ParcelsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code ferret.parcels.*}. */
@Configuration
@EnableConfigurationProperties(ParcelsProperties.class)
class ParcelsConfiguration {
}
