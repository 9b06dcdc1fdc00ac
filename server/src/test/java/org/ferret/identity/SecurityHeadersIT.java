package org.ferret.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@FerretIntegrationTest
class SecurityHeadersIT {

    @LocalServerPort
    int port;

    HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pages_allow_scripts_and_styles_from_ferret_only_and_send_no_referrer_to_other_sites() throws Exception {
        var res = get("/login");
        String csp = res.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self';").contains("style-src 'self';").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(res.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void the_api_sends_the_same_policy() throws Exception {
        var res = get("/api/v1/me");
        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(res.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(res.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void the_session_cookie_is_same_site_and_not_readable_by_scripts() throws Exception {
        var cookie = get("/login").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
    }

    @Test
    void no_page_carries_an_inline_script_or_style_attribute() throws Exception {
        String page = get("/login").body();
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain(" style=");
    }
}
