package org.ferret.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * A token's lookups are cached and its last use is written coalesced (issue 17): the last use is still recorded, a
 * revocation made elsewhere (another node, straight in the database) still takes effect, and a bearer call opens
 * no HTTP session. The waits are generous deadlines for an outcome, never timings.
 */
@FerretIntegrationTest
class ApiTokenUnderLoadIT {

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

    record Token(String id, String secret) {
        RestClient on(RestClient client) {
            return client.mutate().defaultHeader("Authorization", "Bearer " + secret).build();
        }
    }

    Token newToken(String name) {
        Map<?, ?> created = admin().post().uri("/api/v1/tokens")
                .body(Map.of("name", name, "role", "INVESTIGATOR", "owner", "investigator")).retrieve().body(Map.class);
        return new Token((String) ((Map<?, ?>) created.get("token")).get("id"), (String) created.get("secret"));
    }

    @Test
    void the_last_use_of_a_token_is_still_recorded_though_not_written_on_every_request() throws Exception {
        Token token = newToken("border post " + System.nanoTime());
        RestClient machine = token.on(client());
        Instant before = Instant.now().minusSeconds(1);
        for (int i = 0; i < 20; i++) {
            assertThat(machine.get().uri("/api/v1/me").retrieve().toEntity(Map.class).getStatusCode().value()).isEqualTo(200);
        }
        Instant after = Instant.now().plusSeconds(1);

        // the token list shows the use at once, written or not
        List<?> listed = admin().get().uri("/api/v1/tokens").retrieve().body(List.class);
        Map<?, ?> mine = listed.stream().map(Map.class::cast).filter(t -> token.id().equals(t.get("id"))).findFirst()
                .orElseThrow();
        assertThat(mine.get("lastUsedAt")).isNotNull();
        assertThat(Instant.parse((String) mine.get("lastUsedAt"))).isBetween(before, after);

        // and the database gets it within the flush interval (5 s by default; the deadline here is generous)
        Timestamp written = null;
        long deadline = System.currentTimeMillis() + 60_000;
        while (written == null && System.currentTimeMillis() < deadline) {
            written = jdbc.queryForObject("select last_used_at from api_token where id = ?", Timestamp.class,
                    java.util.UUID.fromString(token.id()));
            if (written == null) {
                Thread.sleep(200);
            }
        }
        assertThat(written).as("last_used_at written").isNotNull();
        assertThat(written.toInstant()).isBetween(before, after);
    }

    @Test
    void a_token_revoked_behind_this_nodes_back_is_refused_within_the_cache_bound() throws Exception {
        Token token = newToken("customs system " + System.nanoTime());
        RestClient machine = token.on(client());
        assertThat(machine.get().uri("/api/v1/me").retrieve().toEntity(Map.class).getStatusCode().value()).isEqualTo(200);

        // as another node would: straight in the shared database, so this node's cache is not told
        jdbc.update("update api_token set revoked_at = current_timestamp where id = ?", java.util.UUID.fromString(token.id()));

        int status = 200;
        long deadline = System.currentTimeMillis() + 30_000; // the bound is 1 s; this is only a deadline
        while (status == 200 && System.currentTimeMillis() < deadline) {
            status = machine.get().uri("/api/v1/me").retrieve().toEntity(Map.class).getStatusCode().value();
            if (status == 200) {
                Thread.sleep(50);
            }
        }
        assertThat(status).isEqualTo(401);
        var refused = machine.get().uri("/api/v1/me").retrieve().toEntity(Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertThat(refused.getBody().get("code")).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void a_token_revoked_through_the_api_is_refused_at_once_on_this_node_even_while_cached() {
        Token token = newToken("postal gateway " + System.nanoTime());
        RestClient machine = token.on(client());
        for (int i = 0; i < 3; i++) { // cached now
            assertThat(machine.get().uri("/api/v1/me").retrieve().toEntity(Map.class).getStatusCode().value()).isEqualTo(200);
        }
        admin().post().uri("/api/v1/tokens/" + token.id() + "/revoke").retrieve().toBodilessEntity();
        assertThat(machine.get().uri("/api/v1/me").retrieve().toEntity(Map.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void an_unknown_token_is_refused_every_time() {
        RestClient stranger = new Token(null, "fer_" + "0".repeat(64)).on(client());
        for (int i = 0; i < 3; i++) {
            var res = stranger.get().uri("/api/v1/me").retrieve().toEntity(Map.class);
            assertThat(res.getStatusCode().value()).isEqualTo(401);
            assertThat(res.getBody().get("code")).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void api_calls_with_a_token_or_basic_credentials_open_no_session() {
        Token token = newToken("no session " + System.nanoTime());
        var bearer = token.on(client()).get().uri("/api/v1/me").retrieve().toEntity(Map.class);
        assertThat(bearer.getStatusCode().value()).isEqualTo(200);
        assertThat(bearer.getHeaders().get("Set-Cookie")).isNull();
        var basic = admin().get().uri("/api/v1/me").retrieve().toEntity(Map.class);
        assertThat(basic.getStatusCode().value()).isEqualTo(200);
        assertThat(basic.getHeaders().get("Set-Cookie")).isNull();
    }
}
