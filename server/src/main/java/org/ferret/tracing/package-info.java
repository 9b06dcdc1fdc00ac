/**
 * Tracing (Protocol art. 12, International Tracing Instrument): obliteration-tolerant marking search, trace
 * requests with deadlines and the chain of custody, hit notifications. Trace requests, acknowledgements and answers travel
 * between Ferret nodes through the exchange module ({@code TRACE_REQUEST}, {@code TRACE_ACKNOWLEDGED},
 * {@code TRACE_ANSWER} documents, received by {@code TraceDocuments}).
 * <p>
 * Public API: {@link org.ferret.tracing.MarkingSearch}, {@link org.ferret.tracing.TraceRequests} and their value types.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tracing", allowedDependencies = {"registry", "audit", "identity", "exchange", "shared"})
package org.ferret.tracing;
