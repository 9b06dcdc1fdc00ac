package org.ferret.tracing;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling for the node outbox's delivery job. */
@Configuration
@EnableScheduling
class TracingConfiguration {
}
