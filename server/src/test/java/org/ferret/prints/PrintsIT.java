package org.ferret.prints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.ferret.printfiles.corpus.Corpus;
import org.ferret.printfiles.corpus.MeshWriters;
import org.ferret.printfiles.corpus.Transforms;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The print screen over real HTTP: a reviewer adds a stand-in known part (procedural geometry from the library's
 * evaluation corpus, no firearm file), a printing service's API token screens a rotated, mirrored copy (block,
 * held), garbage (error, never allow, not held) and an oversized file (413); one client over its rate gets 429 with
 * Retry-After; the reviewer decides with discard, and the bytes are gone while hash and evidence stay.
 */
@FerretIntegrationTest
@TestPropertySource(properties = {"ferret.prints.max-file-bytes=3000000", "ferret.prints.burst=4", "ferret.prints.per-client-per-minute=1"})
class PrintsIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.ferret.identity.ApiTokens tokens;

    RestClient client() {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
    }

    RestClient as(String user) {
        return client().mutate().defaultHeaders(h -> h.setBasicAuth(user, user + "-demo")).build();
    }

    static LinkedMultiValueMap<String, Object> file(String name, byte[] bytes) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return form;
    }

    @SuppressWarnings("unchecked")
    static ResponseEntity<Map<String, Object>> post(RestClient c, String uri, LinkedMultiValueMap<String, Object> form) {
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) c.post().uri(uri).contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().toEntity(Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_known_part_is_blocked_held_and_decided_and_garbage_is_an_error() {
        Corpus.Part part = Corpus.knownParts(1, 1616).get(0);
        byte[] original = MeshWriters.binaryStl(part.mesh());
        LinkedMultiValueMap<String, Object> add = file("standin.stl", original);
        add.add("partType", "stand-in frame");
        add.add("source", "evaluation corpus, seed 1616");
        var added = post(as("printreview"), "/api/v1/prints/library", add);
        assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(200);
        long version = ((Number) added.getBody().get("libraryVersion")).longValue();
        assertThat(version).isPositive();

        var created = tokens.create("printshop", "print farm gateway", org.ferret.identity.Role.PRINTING_SERVICE, null);
        RestClient shop = client().mutate().defaultHeader("Authorization", "Bearer " + created.secret()).build();

        byte[] turned = MeshWriters.binaryStl(Transforms.mirror(Transforms.rotateAndMove(part.mesh(), 7, true)));
        var screened = post(shop, "/api/v1/prints/screen", file("bracket-v2.stl", turned));
        assertThat(screened.getStatusCode().value()).as(String.valueOf(screened.getBody())).isEqualTo(200);
        assertThat(screened.getBody().get("verdict")).isEqualTo("block");
        assertThat(((Number) screened.getBody().get("libraryVersion")).longValue()).isEqualTo(version);
        List<Map<String, Object>> evidence = (List<Map<String, Object>>) screened.getBody().get("evidence");
        assertThat(evidence).anySatisfy(e -> assertThat(e.get("level")).isEqualTo("design"));
        String id = (String) screened.getBody().get("screeningId");
        assertThat(id).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from prints_held_file where held_id = cast(? as uuid)", Long.class, id)).isOne();

        var garbage = post(shop, "/api/v1/prints/screen", file("broken.stl", "solid x\nfacet normal 0 0 1\nnonsense\n".getBytes()));
        assertThat(garbage.getStatusCode().value()).isEqualTo(200);
        assertThat(garbage.getBody().get("verdict")).isEqualTo("error");
        assertThat(garbage.getBody().get("reason")).asString().isNotBlank();
        assertThat(garbage.getBody()).doesNotContainKey("screeningId");

        var big = post(shop, "/api/v1/prints/screen", file("big.stl", new byte[3_000_001]));
        assertThat(big.getStatusCode().value()).isEqualTo(413);
        assertThat(big.getHeaders().getContentType().toString()).contains("problem+json");

        // every screening audited with client, file name, hash and verdict
        List<String> audited = jdbc.queryForList("select after_json from audit_log where action = 'PRINTS_SCREENED' and actor = 'printshop'", String.class);
        assertThat(audited).anySatisfy(a -> assertThat(a).contains("bracket-v2.stl").contains("BLOCK").contains((String) screened.getBody().get("sha256")));
        assertThat(audited).anySatisfy(a -> assertThat(a).contains("broken.stl").contains("ERROR"));

        // the queue and the decision
        RestClient reviewer = as("printreview");
        var queue = reviewer.get().uri("/api/v1/prints/reviews").retrieve().toEntity(List.class);
        assertThat((List<Map<String, Object>>) queue.getBody()).anySatisfy(h -> assertThat(h.get("id")).isEqualTo(id));
        var refused = reviewer.post().uri("/api/v1/prints/reviews/" + id + "/decision").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("outcome", "CONFIRM_BLOCK", "disposition", "DISCARD")).retrieve().toEntity(Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(String.valueOf(refused.getBody())).contains("reason");
        var decided = reviewer.post().uri("/api/v1/prints/reviews/" + id + "/decision").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("outcome", "CONFIRM_BLOCK", "disposition", "DISCARD", "reason", "matches the known stand-in")).retrieve().toEntity(Map.class);
        assertThat(decided.getStatusCode().value()).as(String.valueOf(decided.getBody())).isEqualTo(200);
        assertThat(decided.getBody().get("fileKept")).isEqualTo(false);
        assertThat(jdbc.queryForObject("select count(*) from prints_held_file where held_id = cast(? as uuid)", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("select sha256 from prints_held where id = cast(? as uuid)", String.class, id))
                .isEqualTo(screened.getBody().get("sha256"));
        var again = reviewer.post().uri("/api/v1/prints/reviews/" + id + "/decision").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("outcome", "RELEASE", "disposition", "DISCARD", "reason", "x")).retrieve().toEntity(Map.class);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'PRINTS_REVIEW_DECIDED' and entity_id = ?", Long.class, id)).isOne();
    }

    @Test
    void a_client_over_its_rate_is_answered_429_with_retry_after() {
        RestClient c = as("printreview");
        int last = 0;
        String retry = null;
        for (int i = 0; i < 6 && last != 429; i++) {
            var r = post(c, "/api/v1/prints/screen", file("x" + i + ".stl", "not a mesh".getBytes()));
            last = r.getStatusCode().value();
            retry = r.getHeaders().getFirst("Retry-After");
        }
        assertThat(last).isEqualTo(429);
        assertThat(Long.parseLong(retry)).isPositive();
    }
}
