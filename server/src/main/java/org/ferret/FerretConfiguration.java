package org.ferret;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by every module. */
@Configuration
class FerretConfiguration {

    /** One clock for the whole application, so tests can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
