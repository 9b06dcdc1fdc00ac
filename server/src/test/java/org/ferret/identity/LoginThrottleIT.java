package org.ferret.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/** Failed sign-ins are throttled per account (and per address), audited, and the user is told how long to wait. */
@FerretIntegrationTest
class LoginThrottleIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    RestClient client() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
    }

    RestClient basic(String user, String password) {
        return client().mutate().defaultHeaders(h -> h.setBasicAuth(user, password)).build();
    }

    void createUser(String name) {
        var res = basic("admin", "admin-demo").post().uri("/api/v1/users")
                .body(Map.of("username", name, "password", name + "-password", "agency", "NFA", "roles", List.of("READ_ONLY")))
                .retrieve().toBodilessEntity();
        assertThat(res.getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void after_five_wrong_http_basic_passwords_the_right_one_is_refused_with_429_and_when_to_retry() {
        createUser("basic.victim");
        for (int i = 0; i < 5; i++) {
            assertThat(basic("basic.victim", "guess-" + i).get().uri("/api/v1/me").retrieve().toBodilessEntity()
                    .getStatusCode().value()).isEqualTo(401);
        }
        var refused = basic("basic.victim", "basic.victim-password").get().uri("/api/v1/me").retrieve()
                .toEntity(Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().get("code")).isEqualTo("LOGIN_THROTTLED");
        assertThat(((Number) refused.getBody().get("retryAfterSeconds")).longValue()).isPositive();
        assertThat(refused.getBody().get("retryAt")).isNotNull();
        assertThat(Long.parseLong(refused.getHeaders().getFirst("Retry-After"))).isPositive();
        assertThat((String) refused.getBody().get("detail")).contains("Too many failed sign-ins").contains("try again");

        // the failures and the lock-out are in the audit trail, attributed to nobody signed in
        var failed = jdbc.queryForList("select actor, after_json from audit_log where action = 'LOGIN_FAILED' "
                + "and entity_id = 'basic.victim'");
        assertThat(failed).hasSize(5);
        assertThat(failed).allSatisfy(r -> {
            assertThat(r.get("actor")).isEqualTo("anonymous");
            assertThat((String) r.get("after_json")).contains("\"address\"").contains("BadCredentials");
        });
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'LOGIN_LOCKED' "
                + "and entity_id = 'basic.victim'", Long.class)).isEqualTo(1);
    }

    @Test
    void after_five_wrong_form_passwords_the_sign_in_page_says_plainly_to_wait() throws Exception {
        createUser("form.victim");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String location = null;
        for (int i = 0; i < 5; i++) {
            location = signIn(browser, "form.victim", "guess-" + i).headers().firstValue("Location").orElseThrow();
        }
        assertThat(location).contains("/login?locked=");

        HttpResponse<String> right = signIn(browser, "form.victim", "form.victim-password");
        assertThat(right.statusCode()).isEqualTo(302);
        String lockedPage = right.headers().firstValue("Location").orElseThrow();
        assertThat(lockedPage).contains("/login?locked=");
        String page = browser.send(HttpRequest.newBuilder(URI.create(absolute(lockedPage))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Too many failed sign-ins").contains("even with the right password")
                .containsPattern("Try again in <strong>\\d+ minutes?</strong>");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'LOGIN_FAILED' "
                + "and entity_id = 'form.victim'", Long.class)).isEqualTo(5);
    }

    @Test
    void a_right_password_after_a_few_wrong_ones_signs_in_and_forgets_them() {
        createUser("forgetful");
        for (int i = 0; i < 4; i++) {
            basic("forgetful", "nope-" + i).get().uri("/api/v1/me").retrieve().toBodilessEntity();
        }
        assertThat(basic("forgetful", "forgetful-password").get().uri("/api/v1/me").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            basic("forgetful", "nope-again-" + i).get().uri("/api/v1/me").retrieve().toBodilessEntity();
        }
        assertThat(basic("forgetful", "forgetful-password").get().uri("/api/v1/me").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(200);
    }

    private HttpResponse<String> signIn(HttpClient browser, String user, String password) throws Exception {
        String form = browser.send(HttpRequest.newBuilder(URI.create(absolute("/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("CSRF field on the sign-in page").isTrue();
        String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        return browser.send(HttpRequest.newBuilder(URI.create(absolute("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String absolute(String path) {
        return path.startsWith("http") ? path : "http://localhost:" + port + path;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
