package org.ferret.exchange;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling for the outbox's delivery job. */
@Configuration
@EnableScheduling
class ExchangeConfiguration {
}
