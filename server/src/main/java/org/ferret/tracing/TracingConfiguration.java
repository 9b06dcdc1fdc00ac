package org.ferret.tracing;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling for the tracing jobs (the node outbox's delivery job is the exchange module's). */
@Configuration
@EnableScheduling
class TracingConfiguration {
}
