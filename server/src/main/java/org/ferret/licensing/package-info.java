/**
 * Transfer controls (UN Firearms Protocol art. 10): export licences with the art. 10(3) contents, the importing
 * state's authorisation and the transit states' no-objections (art. 10(2)), named checks citing their provision,
 * the licence's state machine, shipments drawn down against goods lines (registry export events and usage reports,
 * each applied once), and signed, verifiable licence documents (art. 10(5)) through the node keys of
 * {@code exchange}.
 * <p>
 * Public API: {@link org.ferret.licensing.Licensing} and its value types. The registry asks this module about every
 * export through {@link org.ferret.registry.ExportControl}; parcels can check a declared licence with
 * {@link org.ferret.licensing.Licensing#checkDeclared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Transfer licensing",
        allowedDependencies = {"registry", "audit", "exchange", "shared"})
package org.ferret.licensing;
