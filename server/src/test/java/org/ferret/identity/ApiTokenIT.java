package org.ferret.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

@FerretIntegrationTest
class ApiTokenIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    RestClient client() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
    }

    RestClient admin() {
        return client().mutate().defaultHeaders(h -> h.setBasicAuth("admin", "admin-demo")).build();
    }

    @Test
    void a_token_authenticates_with_its_role_only_until_it_is_revoked() {
        admin().put().uri("/api/v1/users/registrar/roles")
                .body(Map.of("roles", java.util.List.of("REGISTRAR", "READ_ONLY"))).retrieve().toBodilessEntity();
        Map<?, ?> created = admin().post().uri("/api/v1/tokens")
                .body(Map.of("name", "postal gateway", "role", "READ_ONLY", "owner", "registrar"))
                .retrieve().body(Map.class);
        String secret = (String) created.get("secret");
        String id = (String) ((Map<?, ?>) created.get("token")).get("id");
        assertThat(secret).startsWith("fer_");

        // stored only as a hash
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Long.class, secret)).isZero();

        RestClient machine = client().mutate().defaultHeader("Authorization", "Bearer " + secret).build();
        Map<?, ?> me = machine.get().uri("/api/v1/me").retrieve().body(Map.class);
        assertThat(me.get("username")).isEqualTo("registrar");
        assertThat(me.get("roles")).isEqualTo(java.util.List.of("READ_ONLY"));

        var revoked = admin().post().uri("/api/v1/tokens/" + id + "/revoke").retrieve().toEntity(Map.class);
        assertThat(revoked.getStatusCode().value()).isEqualTo(200);

        var refused = machine.get().uri("/api/v1/me").retrieve().toEntity(Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertThat(refused.getBody().get("code")).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void refuses_a_token_for_a_role_its_owner_does_not_hold_naming_the_field() {
        var res = admin().post().uri("/api/v1/tokens")
                .body(Map.of("name", "x", "role", "AUDITOR", "owner", "registrar")).retrieve().toEntity(Map.class);
        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(res.getBody().get("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(res.getBody().get("errors").toString()).contains("role");
    }

    @Test
    void refuses_an_unknown_role_value_naming_the_field_and_the_allowed_values() {
        var res = admin().post().uri("/api/v1/tokens")
                .body(Map.of("name", "x", "role", "SUPERUSER")).retrieve().toEntity(Map.class);
        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(res.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat((String) res.getBody().get("detail")).contains("role").contains("REGISTRAR");
    }

    @Test
    void refuses_malformed_json_with_its_position() {
        var res = admin().post().uri("/api/v1/agencies").header("Content-Type", "application/json")
                .body("{\"code\": \"X1\", ").retrieve().toEntity(Map.class);
        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(res.getBody().get("code")).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void refuses_an_invalid_country_code_naming_the_field() {
        var res = admin().post().uri("/api/v1/agencies")
                .body(Map.of("code", "ZZZ", "name", "x", "kind", "POLICE", "country", "XQ")).retrieve().toEntity(Map.class);
        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(res.getBody().get("errors").toString()).contains("country");
    }

    @Test
    void without_credentials_the_api_answers_401_as_problem_json() {
        var res = client().get().uri("/api/v1/me").retrieve().toEntity(Map.class);
        assertThat(res.getStatusCode().value()).isEqualTo(401);
        assertThat(res.getBody().get("code")).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void only_administrators_create_users() {
        var res = client().mutate().defaultHeaders(h -> h.setBasicAuth("registrar", "registrar-demo")).build()
                .post().uri("/api/v1/users")
                .body(Map.of("username", "eve", "password", "long-enough-pw", "agency", "NFA", "roles", java.util.List.of("ADMINISTRATOR")))
                .retrieve().toEntity(Map.class);
        assertThat(res.getStatusCode().value()).isEqualTo(403);
        assertThat(res.getBody().get("code")).isEqualTo("FORBIDDEN");
    }

    @Test
    void health_and_openapi_are_served() {
        assertThat(client().get().uri("/actuator/health").retrieve().body(String.class)).contains("UP");
        String api = client().get().uri("/v3/api-docs").retrieve().body(String.class);
        assertThat(api).contains("/api/v1/tokens").contains("/api/v1/audit/verify");
    }
}
