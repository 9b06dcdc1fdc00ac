package org.ferret;

import java.time.Clock;

import org.ferret.shared.AdjustableClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by every module. */
@Configuration
class FerretConfiguration {

    /**
     * One clock for the whole application, so tests can fix time. The demo's can be set back while it writes its
     * first start's parcel history ({@link AdjustableClock}).
     */
    @Bean
    Clock clock(@Value("${ferret.demo-data:false}") boolean demo) {
        return demo ? new AdjustableClock() : Clock.systemUTC();
    }
}
