package org.ferret.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.identity.Role.ADMINISTRATOR;
import static org.ferret.identity.Role.AUDITOR;
import static org.ferret.identity.Role.CUSTOMS_ANALYST;
import static org.ferret.identity.Role.INSPECTOR;
import static org.ferret.identity.Role.INVESTIGATOR;
import static org.ferret.identity.Role.LICENSING_OFFICER;
import static org.ferret.identity.Role.POSTAL_OPERATOR;
import static org.ferret.identity.Role.READ_ONLY;
import static org.ferret.identity.Role.REGISTRAR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.ferret.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role matrix: every endpoint of the API and the UI, and which roles may use it. The table below is the
 * specification; the test finds every endpoint the application maps and fails for one that has no row, so a new
 * endpoint cannot ship without a decision about who may call it. A denied role must get 403 (and nothing else: no
 * validation messages, no 404), an allowed role must get past authorization, and nobody anonymous gets in.
 * <p>
 * A whole application context with MockMvc and a mock principal per role rather than {@code @WebMvcTest} slices:
 * the two security filter chains, method security and the handler interceptor that checks roles before binding
 * all take part in the answer.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixIT {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    /** Everyone but the postal operator, whose role reads nothing of the firearms registry. */
    private static final Set<Role> REGISTRY_READERS = EnumSet.complementOf(EnumSet.of(POSTAL_OPERATOR,
            Role.PRINTING_SERVICE, Role.PRINT_REVIEWER));
    private static final Set<Role> OPERATORS = EnumSet.of(POSTAL_OPERATOR);
    private static final Set<Role> PARCEL_ANALYSTS = EnumSet.of(ADMINISTRATOR, CUSTOMS_ANALYST, Role.SUPERVISOR);
    private static final Set<Role> INSPECTORS = EnumSet.of(CUSTOMS_ANALYST, INSPECTOR);
    /** The parcels learning loop (issue 12). */
    private static final Set<Role> SUPERVISORS = EnumSet.of(Role.SUPERVISOR);
    private static final Set<Role> REGISTRARS = EnumSet.of(ADMINISTRATOR, REGISTRAR);
    private static final Set<Role> PERSONAL_DATA = EnumSet.of(ADMINISTRATOR, REGISTRAR, INVESTIGATOR,
            LICENSING_OFFICER, CUSTOMS_ANALYST, AUDITOR, Role.SUPERVISOR);
    private static final Set<Role> TRACERS = EnumSet.of(ADMINISTRATOR, INVESTIGATOR);
    private static final Set<Role> HIT_READERS = EnumSet.of(ADMINISTRATOR, INVESTIGATOR, REGISTRAR);
    private static final Set<Role> ADMINS = EnumSet.of(ADMINISTRATOR);
    private static final Set<Role> AUDIT_READERS = EnumSet.of(ADMINISTRATOR, AUDITOR);
    private static final Set<Role> AUDITORS = EnumSet.of(AUDITOR);
    /** Transfer licensing (issue 13). */
    private static final Set<Role> LICENSING = EnumSet.of(LICENSING_OFFICER);
    /** Seizures and intelligence (issue 14). */
    private static final Set<Role> INTELLIGENCE = EnumSet.of(Role.INTELLIGENCE_ANALYST, INVESTIGATOR);
    /** Persons named on seizures: intelligence and personal data both. */
    private static final Set<Role> INTELLIGENCE_PERSONS = EnumSet.of(INVESTIGATOR);
    /** Alerts (issue 14): intelligence staff and parcel risk analysts; which alerts each sees follows from the agency. */
    private static final Set<Role> ALERT_READERS = EnumSet.of(Role.INTELLIGENCE_ANALYST, INVESTIGATOR, ADMINISTRATOR,
            CUSTOMS_ANALYST, Role.SUPERVISOR);
    /** Technical standards (issue 15): who may run an assessment. */
    private static final Set<Role> ASSESSORS = EnumSet.of(REGISTRAR, Role.TECHNICAL_EXPERT);
    /** Who may upload standard packs and withdraw uploaded versions (MANAGE_STANDARDS). */
    private static final Set<Role> STANDARD_MAINTAINERS = EnumSet.of(Role.TECHNICAL_EXPERT);
    /** Reached without signing in (the sign-in page; node documents are authenticated by their signature). */
    private static final Set<Role> PUBLIC = null;

    /** "METHOD pattern" to the roles allowed; {@link #PUBLIC} for endpoints open to anyone. */
    private static final Map<String, Set<Role>> MATRIX = new TreeMap<>();

    static {
        // identity: API
        allow("GET /api/v1/me", EVERYONE);
        allow("GET /api/v1/agencies", EVERYONE);
        allow("POST /api/v1/agencies", ADMINS);
        allow("GET /api/v1/users", ADMINS);
        allow("POST /api/v1/users", ADMINS);
        allow("PUT /api/v1/users/{username}/roles", ADMINS);
        allow("POST /api/v1/users/{username}/disable", ADMINS);
        allow("POST /api/v1/users/{username}/enable", ADMINS);
        allow("GET /api/v1/tokens", ADMINS);
        allow("POST /api/v1/tokens", ADMINS);
        allow("POST /api/v1/tokens/{id}/revoke", ADMINS);
        // identity: screens
        allow("GET /admin/users", ADMINS);
        allow("POST /admin/users", ADMINS);
        allow("GET /admin/users/{username}", ADMINS);
        allow("POST /admin/users/{username}/roles", ADMINS);
        allow("POST /admin/users/{username}/enabled", ADMINS);
        allow("GET /admin/tokens", ADMINS);
        allow("POST /admin/tokens", ADMINS);
        allow("POST /admin/tokens/{id}/revoke", ADMINS);
        allow("GET /admin/tokens/{id}/revoke", ADMINS);
        // registry: API
        allow("POST /api/v1/items", REGISTRARS);
        allow("GET /api/v1/items", REGISTRY_READERS);
        allow("GET /api/v1/items/{id}", REGISTRY_READERS);
        allow("GET /api/v1/items/marking-required", REGISTRY_READERS);
        allow("POST /api/v1/items/{id}/events", REGISTRARS);
        allow("POST /api/v1/items/{id}/markings", REGISTRARS);
        allow("POST /api/v1/items/{id}/components", REGISTRARS);
        allow("POST /api/v1/items/{id}/components/{componentId}/removal", REGISTRARS);
        allow("POST /api/v1/items/import", REGISTRARS);
        allow("POST /api/v1/holders", REGISTRARS);
        allow("GET /api/v1/holders", PERSONAL_DATA);
        allow("GET /api/v1/holders/{id}", PERSONAL_DATA);
        allow("GET /api/v1/retention", REGISTRY_READERS);
        allow("POST /api/v1/retention/purge", ADMINS);
        // registry: screens
        allow("GET /", EVERYONE);
        allow("GET /items/new", REGISTRARS);
        allow("POST /items", REGISTRARS);
        allow("GET /items/{id}", REGISTRY_READERS);
        allow("POST /items/{id}/events", REGISTRARS);
        allow("POST /items/{id}/markings", REGISTRARS);
        allow("POST /items/{id}/components", REGISTRARS);
        allow("POST /items/{id}/components/{componentId}/remove", REGISTRARS);
        allow("GET /items/search", REGISTRY_READERS);
        allow("GET /items/marking-required", REGISTRY_READERS);
        allow("GET /items/import", REGISTRARS);
        allow("POST /items/import", REGISTRARS);
        allow("GET /holders", PERSONAL_DATA);
        allow("POST /holders", REGISTRARS);
        allow("GET /holders/{id}", PERSONAL_DATA);
        // tracing: API
        allow("GET /api/v1/markings/search", TRACERS);
        allow("POST /api/v1/markings/confirmations", TRACERS);
        allow("GET /api/v1/markings/confirmations/{itemId}", TRACERS);
        allow("GET /api/v1/markings/index", TRACERS);
        allow("POST /api/v1/markings/index/rebuild", ADMINS);
        allow("POST /api/v1/tracing/requests", TRACERS);
        allow("POST /api/v1/tracing/requests/outgoing", TRACERS);
        allow("GET /api/v1/tracing/requests", TRACERS);
        allow("GET /api/v1/tracing/requests/overdue", TRACERS);
        allow("GET /api/v1/tracing/requests/{id}", TRACERS);
        allow("POST /api/v1/tracing/requests/{id}/acknowledge", TRACERS);
        allow("POST /api/v1/tracing/requests/{id}/candidates/{itemId}/confirm", TRACERS);
        allow("POST /api/v1/tracing/requests/{id}/candidates/{itemId}/reject", TRACERS);
        allow("POST /api/v1/tracing/requests/{id}/answer", TRACERS);
        allow("POST /api/v1/tracing/requests/{id}/close", TRACERS);
        allow("POST /api/v1/tracing/exchange", PUBLIC);
        allow("GET /api/v1/tracing/exchange/outgoing", ADMINS);
        allow("GET /api/v1/tracing/notifications", HIT_READERS);
        allow("POST /api/v1/tracing/notifications/{id}/read", HIT_READERS);
        // tracing: screens
        allow("GET /tracing/search", TRACERS);
        allow("POST /tracing/confirmations", TRACERS);
        allow("GET /tracing/requests", TRACERS);
        allow("GET /tracing/requests/new", TRACERS);
        allow("POST /tracing/requests", TRACERS);
        allow("GET /tracing/requests/{id}", TRACERS);
        allow("POST /tracing/requests/{id}/acknowledge", TRACERS);
        allow("POST /tracing/requests/{id}/candidates/{item}/{decision}", TRACERS);
        allow("POST /tracing/requests/{id}/answer", TRACERS);
        allow("POST /tracing/requests/{id}/close", TRACERS);
        // audit
        allow("GET /api/v1/audit", AUDIT_READERS);
        allow("GET /api/v1/audit/verify", AUDITORS);
        allow("GET /audit", AUDIT_READERS);
        allow("POST /audit/verify", AUDITORS);
        allow("POST /audit/checkpoint", AUDITORS);
        allow("GET /audit/proof", AUDIT_READERS);
        allow("POST /api/v1/audit/checkpoints", AUDITORS);
        allow("GET /api/v1/audit/checkpoints", AUDIT_READERS);
        allow("GET /api/v1/audit/proof", AUDIT_READERS);
        allow("GET /api/v1/audit/witness/{node}", AUDIT_READERS);
        allow("GET /api/v1/audit/witness/{node}/latest", PUBLIC); // a witness's public read, signed by the node
        // node exchange (authenticated by signature)
        allow("POST /api/v1/exchange", PUBLIC);
        allow("GET /api/v1/exchange/outgoing", ADMINS);
        // parcels: API
        allow("POST /api/v1/parcels/declarations", OPERATORS);
        allow("POST /api/v1/parcels/{itemId}/detections", OPERATORS);
        allow("GET /api/v1/parcels/queue", PARCEL_ANALYSTS);
        allow("GET /api/v1/parcels/tasks", INSPECTORS);
        allow("POST /api/v1/parcels/queue/{declarationId}/add", PARCEL_ANALYSTS);
        allow("POST /api/v1/parcels/queue/{declarationId}/remove", PARCEL_ANALYSTS);
        allow("POST /api/v1/parcels/declarations/{declarationId}/outcome", INSPECTORS);
        allow("GET /api/v1/parcels/declarations/{declarationId}/parties", PARCEL_ANALYSTS);
        // parcels: screens
        allow("GET /parcels/queue", PARCEL_ANALYSTS);
        allow("GET /parcels/tasks", INSPECTORS);
        allow("POST /parcels/tasks/{declarationId}/outcome", INSPECTORS);
        // parcels: CSV upload of declarations (the API's text/csv form shares POST /api/v1/parcels/declarations)
        allow("GET /parcels/upload", OPERATORS);
        allow("POST /parcels/upload", OPERATORS);
        // parcels: retention (pdata)
        allow("GET /api/v1/parcels/retention", ADMINS);
        allow("POST /api/v1/parcels/retention/purge", ADMINS);
        // parcels: the daily screens (issue 11: submissions, item page, manual add, dashboard, operator's home)
        allow("GET /parcels/home", OPERATORS);
        allow("GET /parcels/submissions", OPERATORS);
        allow("GET /parcels/declarations/{declarationId}", PARCEL_ANALYSTS);
        allow("POST /parcels/declarations/{declarationId}/queue", PARCEL_ANALYSTS);
        allow("POST /parcels/queue/add", PARCEL_ANALYSTS);
        allow("GET /parcels/dashboard", EnumSet.of(ADMINISTRATOR, CUSTOMS_ANALYST, INSPECTOR, Role.SUPERVISOR));
        // parcels: rule pack versions (issue 12: analysts draft, a supervisor who is not the author decides)
        for (String e : List.of("GET /api/v1/parcels/rule-packs", "GET /api/v1/parcels/rule-packs/active", "GET /api/v1/parcels/rule-packs/indicators",
                "GET /api/v1/parcels/rule-packs/{version}", "GET /api/v1/parcels/rule-packs/{version}/diff", "POST /api/v1/parcels/rule-packs/check",
                "POST /api/v1/parcels/rule-packs", "PUT /api/v1/parcels/rule-packs/{version}", "POST /api/v1/parcels/rule-packs/{version}/submit",
                "GET /parcels/rules", "POST /parcels/rules/drafts", "GET /parcels/rules/{version}", "POST /parcels/rules/{version}/check",
                "POST /parcels/rules/{version}", "POST /parcels/rules/{version}/submit")) {
            allow(e, PARCEL_ANALYSTS);
        }
        for (String e : List.of("POST /api/v1/parcels/rule-packs/{version}/approve", "POST /api/v1/parcels/rule-packs/{version}/reject",
                "POST /parcels/rules/{version}/approve", "POST /parcels/rules/{version}/reject")) {
            allow(e, EnumSet.of(Role.SUPERVISOR));
        }
        // parcels: the learning loop (issue 12), screening supervisors only
        allow("GET /api/v1/parcels/models", SUPERVISORS);
        allow("POST /api/v1/parcels/models/retrain", SUPERVISORS);
        allow("POST /api/v1/parcels/models/{id}/promote", SUPERVISORS);
        allow("POST /api/v1/parcels/models/{id}/hold", SUPERVISORS);
        allow("POST /api/v1/parcels/models/{id}/rollback", SUPERVISORS);
        allow("GET /api/v1/parcels/models/weeks", SUPERVISORS);
        allow("GET /api/v1/parcels/models/drift", SUPERVISORS);
        allow("GET /parcels/supervision", SUPERVISORS);
        allow("POST /parcels/supervision/retrain", SUPERVISORS);
        allow("POST /parcels/supervision/{id}/{action}", SUPERVISORS);
        // licensing (issue 13): API
        allow("POST /api/v1/licences", LICENSING);
        allow("GET /api/v1/licences", LICENSING);
        allow("GET /api/v1/licences/{id}", LICENSING);
        allow("POST /api/v1/licences/{id}/answers", LICENSING);
        allow("POST /api/v1/licences/{id}/issue", LICENSING);
        allow("POST /api/v1/licences/{id}/refuse", LICENSING);
        allow("POST /api/v1/licences/{id}/suspend", LICENSING);
        allow("POST /api/v1/licences/{id}/reinstate", LICENSING);
        allow("POST /api/v1/licences/{id}/revoke", LICENSING);
        allow("POST /api/v1/licences/{id}/usage", LICENSING);
        allow("GET /api/v1/licences/{id}/document", LICENSING);
        allow("GET /api/v1/licences/unlicensed-exports", LICENSING);
        allow("GET /api/v1/licences/overdue", LICENSING);
        allow("POST /api/v1/licences/{id}/node-requests", LICENSING);
        allow("GET /api/v1/licences/node-requests", LICENSING);
        allow("POST /api/v1/licences/node-requests/{requestId}/answer", LICENSING);
        allow("GET /api/v1/licence-verification/{code}", PUBLIC); // art. 10(5): whoever holds the document
        allow("POST /api/v1/licence-verification/document", PUBLIC);
        allow("GET /api/v1/licence-verification/{code}/licence", PUBLIC); // the exporter's view: number + code
        allow("GET /api/v1/licence-verification/{code}/document.pdf", PUBLIC);
        allow("GET /licence-holder", PUBLIC);
        // licensing: proof of receipt (art. 10(4)) and the PDF
        allow("GET /api/v1/licences/receipts/overdue", LICENSING);
        allow("GET /api/v1/licences/{id}/receipts", LICENSING);
        allow("POST /api/v1/licences/{id}/receipts", LICENSING);
        allow("GET /api/v1/licences/{id}/document.pdf", LICENSING);
        allow("GET /licences/{id}/document.pdf", LICENSING);
        allow("POST /licences/{id}/receipts", LICENSING);
        // licensing (issue 13): screens
        allow("GET /licences", LICENSING);
        allow("GET /licences/new", LICENSING);
        allow("POST /licences", LICENSING);
        allow("GET /licences/{id}", LICENSING);
        allow("POST /licences/{id}/answers", LICENSING);
        allow("POST /licences/{id}/issue", LICENSING);
        allow("POST /licences/{id}/refuse", LICENSING);
        allow("POST /licences/{id}/suspend", LICENSING);
        allow("POST /licences/{id}/reinstate", LICENSING);
        allow("POST /licences/{id}/revoke", LICENSING);
        allow("GET /licences/{id}/document", LICENSING);
        allow("GET /licences/verify", EVERYONE);
        allow("POST /licences/{id}/node-requests", LICENSING);
        allow("POST /licences/node-requests/{requestId}/answer", LICENSING);
        // licensing: import authorisations issued by this state (art. 10)
        allow("POST /api/v1/import-authorisations", LICENSING);
        allow("GET /api/v1/import-authorisations", LICENSING);
        allow("GET /api/v1/import-authorisations/{id}", LICENSING);
        allow("POST /api/v1/import-authorisations/{id}/revoke", LICENSING);
        allow("GET /api/v1/import-authorisations/unauthorised-imports", LICENSING);
        allow("GET /import-authorisations", LICENSING);
        allow("GET /import-authorisations/new", LICENSING);
        allow("POST /import-authorisations", LICENSING);
        allow("GET /import-authorisations/{id}", LICENSING);
        allow("POST /import-authorisations/{id}/revoke", LICENSING);
        // seizures and intelligence (issue 14)
        allow("POST /api/v1/seizures", INTELLIGENCE);
        allow("GET /api/v1/seizures", INTELLIGENCE);
        allow("GET /api/v1/seizures/{id}", INTELLIGENCE);
        allow("GET /api/v1/seizures/{id}/persons", INTELLIGENCE_PERSONS);
        allow("POST /api/v1/seizures/import", INTELLIGENCE);
        allow("POST /api/v1/seizures/{id}/items/{item}/tracing", INTELLIGENCE);
        allow("GET /api/v1/seizures/analytics", INTELLIGENCE);
        allow("GET /api/v1/seizures/sdg-16-4-2", INTELLIGENCE);
        allow("GET /api/v1/seizures/iafq/{year}.xlsx", INTELLIGENCE);
        allow("GET /api/v1/seizures/iafq/{year}.csv", INTELLIGENCE);
        // standards (issue 15)
        allow("GET /api/v1/standards", REGISTRY_READERS);
        allow("GET /api/v1/standards/{id}", REGISTRY_READERS);
        allow("GET /api/v1/standards/{id}/diff", REGISTRY_READERS);
        allow("POST /api/v1/standards", STANDARD_MAINTAINERS);
        allow("POST /api/v1/standards/{id}/withdrawal", STANDARD_MAINTAINERS);
        allow("POST /api/v1/standards/{id}/assessments", ASSESSORS);
        allow("GET /api/v1/standards/assessments/{assessment}", REGISTRY_READERS);
        allow("GET /api/v1/standards/items/{item}/assessments", REGISTRY_READERS);
        allow("POST /api/v1/standards/compare", REGISTRY_READERS);
        allow("GET /api/v1/standards/weaker-deactivations", REGISTRY_READERS);
        allow("GET /standards", REGISTRY_READERS);
        allow("GET /standards/pack", REGISTRY_READERS);
        allow("GET /standards/compare", REGISTRY_READERS);
        allow("GET /standards/diff", REGISTRY_READERS);
        allow("GET /standards/upload", STANDARD_MAINTAINERS);
        allow("POST /standards/upload", STANDARD_MAINTAINERS);
        allow("POST /standards/withdraw", STANDARD_MAINTAINERS);
        allow("GET /standards/assess", ASSESSORS);
        allow("POST /standards/assess", ASSESSORS);
        allow("GET /api/v1/standards/imports", REGISTRY_READERS);
        allow("GET /api/v1/standards/imports/{event}", REGISTRY_READERS);
        allow("GET /api/v1/standards/reviews", REGISTRY_READERS);
        allow("GET /api/v1/standards/items/{item}/reviews", REGISTRY_READERS);
        allow("GET /standards/items/{item}/panel", REGISTRY_READERS);
        allow("GET /standards/assessment", REGISTRY_READERS);
        allow("GET /standards/imports/{event}", REGISTRY_READERS);
        allow("GET /standards/reviews", REGISTRY_READERS);
        allow("GET /seizures", INTELLIGENCE);
        allow("GET /seizures/new", INTELLIGENCE);
        allow("POST /seizures", INTELLIGENCE);
        allow("GET /seizures/{id}", INTELLIGENCE);
        allow("POST /seizures/{id}/items/{item}/tracing", INTELLIGENCE);
        allow("GET /seizures/import", INTELLIGENCE);
        allow("POST /seizures/import", INTELLIGENCE);
        allow("GET /seizures/analytics", INTELLIGENCE);
        allow("GET /seizures/export/iafq-{year}.xlsx", INTELLIGENCE);
        allow("GET /seizures/export/iafq-{year}.csv", INTELLIGENCE);
        // online listings (issue 14, web patrolling)
        allow("POST /api/v1/listings/import", INTELLIGENCE);
        allow("GET /api/v1/listings/queue", INTELLIGENCE);
        allow("GET /api/v1/listings", INTELLIGENCE);
        allow("GET /api/v1/listings/{id}", INTELLIGENCE);
        allow("POST /api/v1/listings/{id}/confirm", INTELLIGENCE);
        allow("POST /api/v1/listings/{id}/dismiss", INTELLIGENCE);
        allow("POST /api/v1/listings/{id}/links", INTELLIGENCE);
        allow("POST /api/v1/listings/model/retrain", INTELLIGENCE);
        allow("GET /listings", INTELLIGENCE);
        allow("GET /listings/{id}", INTELLIGENCE);
        allow("POST /listings/{id}/confirm", INTELLIGENCE);
        allow("POST /listings/{id}/dismiss", INTELLIGENCE);
        allow("GET /listings/import", INTELLIGENCE);
        allow("POST /listings/import", INTELLIGENCE);
        // alerts between agencies and nodes (issue 14)
        allow("POST /api/v1/alerts", INTELLIGENCE);
        allow("GET /api/v1/alerts", ALERT_READERS);
        allow("GET /api/v1/alerts/{id}", ALERT_READERS);
        allow("GET /api/v1/alerts/{id}/feedback", ALERT_READERS);
        allow("POST /api/v1/alerts/{id}/feedback", ALERT_READERS);
        allow("POST /api/v1/alerts/{id}/acknowledge", ALERT_READERS);
        allow("POST /api/v1/alerts/{id}/pass-on", ALERT_READERS);
        allow("POST /api/v1/alerts/{id}/indicators/{n}/adopt", PARCEL_ANALYSTS);
        allow("GET /api/v1/alerts/groups", ALERT_READERS);
        allow("POST /api/v1/alerts/groups", INTELLIGENCE);
        allow("GET /api/v1/alerts/subscriptions", ALERT_READERS);
        allow("POST /api/v1/alerts/subscriptions", ALERT_READERS);
        allow("DELETE /api/v1/alerts/subscriptions/{id}", ALERT_READERS);
        allow("GET /alerts", ALERT_READERS);
        allow("GET /alerts/new", INTELLIGENCE);
        allow("POST /alerts", INTELLIGENCE);
        allow("GET /alerts/{id}", ALERT_READERS);
        allow("POST /alerts/{id}/acknowledge", ALERT_READERS);
        allow("POST /alerts/{id}/feedback", ALERT_READERS);
        allow("POST /alerts/{id}/pass-on", ALERT_READERS);
        allow("POST /alerts/{id}/indicators/{n}/adopt", PARCEL_ANALYSTS);
        allow("GET /alerts/groups", ALERT_READERS);
        allow("POST /alerts/groups", INTELLIGENCE);
        allow("POST /alerts/subscriptions", ALERT_READERS);
        allow("POST /alerts/subscriptions/{id}/end", ALERT_READERS);
        // print-file screening (issue 16): printing services screen; print reviewers review; the library also for admins
        Set<Role> printScreeners = EnumSet.of(Role.PRINTING_SERVICE, Role.PRINT_REVIEWER);
        Set<Role> printReviewers = EnumSet.of(Role.PRINT_REVIEWER);
        Set<Role> printLibrary = EnumSet.of(ADMINISTRATOR, Role.PRINT_REVIEWER);
        allow("POST /api/v1/prints/screen", printScreeners);
        allow("GET /prints/screen", printScreeners);
        allow("POST /prints/screen", printScreeners);
        allow("GET /api/v1/prints/library", printLibrary);
        allow("POST /api/v1/prints/library", printLibrary);
        allow("POST /api/v1/prints/subscriptions", printLibrary);
        allow("GET /api/v1/prints/subscriptions", printLibrary);
        allow("DELETE /api/v1/prints/subscriptions/{node}", printLibrary);
        allow("GET /api/v1/prints/subscribers", printLibrary);
        allow("GET /api/v1/prints/reviews", printReviewers);
        allow("GET /api/v1/prints/reviews/{id}", printReviewers);
        allow("POST /api/v1/prints/reviews/{id}/decision", printReviewers);
        allow("GET /prints/reviews", printReviewers);
        allow("GET /prints/reviews/{id}", printReviewers);
        allow("GET /prints/reviews/{id}/preview.stl", printReviewers);
        allow("GET /prints/reviews/{id}/preview.lines", printReviewers);
        allow("POST /prints/reviews/{id}/decision", printReviewers);
        allow("GET /prints/library", printLibrary);
        allow("POST /prints/library", printLibrary);
        allow("GET /prints/subscriptions", printLibrary);
        allow("POST /prints/subscriptions", printLibrary);
        allow("GET /prints/subscriptions/{node}/unsubscribe", printLibrary);
        allow("POST /prints/subscriptions/{node}/unsubscribe", printLibrary);
        // sign-in
        allow("GET /login", PUBLIC);
        allow("GET /error", PUBLIC); // web.ProblemErrorController: the error answer of every request, signed in or not
    }

    private static void allow(String endpoint, Set<Role> roles) {
        if (MATRIX.containsKey(endpoint)) {
            throw new IllegalStateException("two rows for " + endpoint);
        }
        MATRIX.put(endpoint, roles);
    }

    /** One mapped endpoint: its method, its path pattern, whether it is API, and the body type it consumes. */
    record Endpoint(String method, String pattern, boolean api, MediaType consumes) {
        String key() {
            return method + " " + pattern;
        }

        MockHttpServletRequestBuilder request() {
            String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            MockHttpServletRequestBuilder r = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
            if (!method.equals("GET")) {
                if (consumes != null) {
                    r = r.contentType(consumes).content(consumes.includes(MediaType.APPLICATION_JSON) ? "{}" : "");
                } else if (api) {
                    r = r.contentType(MediaType.APPLICATION_JSON).content("{}");
                }
                r = api ? r : r.with(csrf());
            }
            return r;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final List<Endpoint> endpoints = new ArrayList<>();

    @BeforeAll
    void findEndpoints() {
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.ferret")) {
                return; // the framework's own (error page, OpenAPI document)
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    MediaType consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
                            .findFirst().orElse(null);
                    endpoints.add(new Endpoint(m.name(), pattern, pattern.startsWith("/api/"), consumes));
                }
            }
        });
    }

    @Test
    void every_endpoint_has_a_row_in_the_matrix_and_every_row_an_endpoint() {
        Set<String> mapped = new TreeSet<>();
        endpoints.forEach(e -> mapped.add(e.key()));
        assertThat(mapped).as("endpoints without a row in RoleMatrixIT.MATRIX (decide who may call them)")
                .isSubsetOf(MATRIX.keySet());
        assertThat(MATRIX.keySet()).as("rows for endpoints that no longer exist").isSubsetOf(mapped);
    }

    @Test
    void each_role_reaches_exactly_the_endpoints_the_matrix_allows() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints) {
            Set<Role> allowed = MATRIX.get(e.key());
            if (allowed == PUBLIC || !MATRIX.containsKey(e.key())) {
                continue;
            }
            for (Role role : Role.values()) {
                int status = status(e, role);
                boolean refused = status == 403;
                if (allowed.contains(role) && (refused || status == 401)) {
                    wrong.add(e.key() + " refused " + role + " (" + status + ")");
                } else if (!allowed.contains(role) && !refused) {
                    wrong.add(e.key() + " let " + role + " through (" + status + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void nobody_gets_in_without_signing_in() throws Exception {
        List<String> open = new ArrayList<>();
        for (Endpoint e : endpoints) {
            if (MATRIX.get(e.key()) == PUBLIC) {
                continue;
            }
            var response = mvc.perform(e.request()).andReturn().getResponse();
            boolean toLogin = response.getStatus() == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/login");
            if (!(e.api() ? response.getStatus() == 401 : toLogin)) {
                open.add(e.key() + " answered " + response.getStatus() + " without credentials");
            }
        }
        assertThat(open).isEmpty();
    }

    @Test
    void a_read_only_user_is_refused_before_the_request_body_is_validated() throws Exception {
        for (String path : List.of("/api/v1/users", "/api/v1/agencies", "/api/v1/tokens")) {
            var response = mvc.perform(MockMvcRequestBuilders.post(path).with(user(principal(READ_ONLY)))
                    .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(403);
            assertThat(response.getContentAsString()).as(path).contains("\"code\":\"FORBIDDEN\"")
                    .doesNotContain("must not be blank");
        }
    }

    /** The status one role gets; an exception out of the handler means the request got past authorization. */
    private int status(Endpoint e, Role role) throws Exception {
        try {
            return mvc.perform(e.request().with(user(principal(role)))).andReturn().getResponse().getStatus();
        } catch (jakarta.servlet.ServletException ex) {
            return 500;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static FerretPrincipal principal(Role role) {
        return new FerretPrincipal(UUID.nameUUIDFromBytes(role.name().getBytes()), "matrix-" + role.name().toLowerCase(),
                "Matrix " + role.label(), "NFA", Set.of(role), null, true);
    }
}
