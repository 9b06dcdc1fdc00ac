package org.ferret.prints.internal;

import org.ferret.prints.PrintsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(PrintsProperties.class)
class PrintsConfiguration {
}
