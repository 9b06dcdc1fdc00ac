package org.ferret.prints;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.printfiles.corpus.Corpus;
import org.ferret.printfiles.corpus.MeshWriters;
import org.ferret.printfiles.corpus.Transforms;
import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.Nodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.ObjectMapper;

/**
 * Two nodes on loopback (testsupport.Nodes): node A subscribes to node B's fingerprint library over the signed
 * exchange; B's library arrives, A's screen blocks B's known part (a procedural stand-in) naming it {@code node-b/…},
 * and a part B adds later reaches A as a new version. Then A unsubscribes: B's parts stop counting on A at once, B
 * stops sending, a part B adds does not reach A; A subscribes again and receives B's library afresh. Node C is
 * configured on A but never started (a peer A never subscribed to).
 */
@FerretIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeLibraryIT {
    static final Nodes.Node A = Nodes.Node.self("node-a");
    static final Nodes.Node B = Nodes.Node.fresh("node-b");
    static final Nodes.Node C = Nodes.Node.fresh("node-c");
    static ConfigurableApplicationContext nodeB;

    @DynamicPropertySource
    static void nodeA(DynamicPropertyRegistry r) {
        Nodes.register(r, A, B, C);
    }

    @LocalServerPort
    int portA;
    @Autowired
    JdbcTemplate jdbcA;

    void startB() {
        if (nodeB == null) nodeB = Nodes.start(B, Map.of(), A.onPort(portA));
    }

    @AfterAll
    static void stopB() {
        Nodes.stop(nodeB, B);
    }

    static void addPart(RestClient c, Corpus.Part p, String source) {
        var add = PrintsIT.file(p.id() + ".stl", MeshWriters.binaryStl(p.mesh()));
        add.add("partType", "stand-in");
        add.add("source", source);
        assertThat(PrintsIT.post(c, "/api/v1/prints/library", add).getStatusCode().value()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> subscriptions(RestClient c) {
        return c.get().uri("/api/v1/prints/subscriptions").retrieve().body(List.class);
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void a_node_subscribes_to_another_nodes_library_and_screens_with_it() {
        startB();
        List<Corpus.Part> parts = Corpus.knownParts(2, 9090);
        RestClient reviewerB = Nodes.client(B.port(), "printreview");
        addPart(reviewerB, parts.get(0), "seizure B-1");

        RestClient reviewerA = Nodes.client(portA, "printreview");
        var unknown = reviewerA.post().uri("/api/v1/prints/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("node", "node-z")).retrieve().toEntity(Map.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        var subscribed = reviewerA.post().uri("/api/v1/prints/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("node", "node-b")).retrieve().toEntity(List.class);
        assertThat(subscribed.getStatusCode().value()).isEqualTo(200);

        var got = Nodes.eventually(() -> subscriptions(reviewerA), l -> !l.isEmpty() && Long.valueOf(1).equals(asLong(l.get(0).get("libraryVersion"))));
        assertThat(asLong(got.get(0).get("libraryVersion"))).isEqualTo(1L);

        byte[] turned = MeshWriters.binaryStl(Transforms.mirror(Transforms.rotateAndMove(parts.get(0).mesh(), 5, true)));
        var screened = PrintsIT.post(Nodes.client(portA, "printshop"), "/api/v1/prints/screen", PrintsIT.file("remix.stl", turned));
        assertThat(screened.getBody().get("verdict")).as(String.valueOf(screened.getBody())).isEqualTo("block");
        assertThat((List<Map<String, Object>>) screened.getBody().get("evidence"))
                .anySatisfy(e -> assertThat(e.get("knownPart")).asString().startsWith("node-b/KP-"));

        addPart(reviewerB, parts.get(1), "seizure B-2");
        got = Nodes.eventually(() -> subscriptions(reviewerA), l -> Long.valueOf(2).equals(asLong(l.get(0).get("libraryVersion"))));
        assertThat(asLong(got.get(0).get("libraryVersion"))).isEqualTo(2L);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> subscribers(RestClient c) {
        return c.get().uri("/api/v1/prints/subscribers").retrieve().body(List.class);
    }

    static Map<String, Object> row(List<Map<String, Object>> rows, String node) {
        return rows.stream().filter(m -> node.equals(m.get("node"))).findFirst().orElse(Map.of());
    }

    /** The version of a node's own library: the header line of its text form. */
    static long version(RestClient c) {
        String text = c.get().uri("/api/v1/prints/library").retrieve().body(String.class);
        return Long.parseLong(text.lines().findFirst().orElseThrow().split(" ")[2]);
    }

    @SuppressWarnings("unchecked")
    static ResponseEntity<Map<String, Object>> screen(int port, String name, Corpus.Part p) {
        byte[] turned = MeshWriters.binaryStl(Transforms.mirror(Transforms.rotateAndMove(p.mesh(), 7, true)));
        return PrintsIT.post(Nodes.client(port, "printshop"), "/api/v1/prints/screen", PrintsIT.file(name, turned));
    }

    @SuppressWarnings("unchecked")
    static List<String> knownParts(ResponseEntity<Map<String, Object>> screened) {
        return ((List<Map<String, Object>>) screened.getBody().get("evidence")).stream()
                .map(e -> (String) e.get("knownPart")).filter(k -> k != null).toList();
    }

    @SuppressWarnings("unchecked")
    static ResponseEntity<Map<String, Object>> unsubscribe(RestClient c, String node) {
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) c.delete().uri("/api/v1/prints/subscriptions/{node}", node)
                .retrieve().toEntity(Map.class);
    }

    long countA(String sql, Object... args) {
        return jdbcA.queryForObject(sql, Long.class, args);
    }

    @Test
    @Order(2)
    void a_node_unsubscribes_stops_screening_with_the_peers_parts_and_receives_them_again_when_it_resubscribes() throws Exception {
        startB();
        RestClient reviewerA = Nodes.client(portA, "printreview");
        RestClient reviewerB = Nodes.client(B.port(), "printreview");
        JdbcTemplate jdbcB = nodeB.getBean(JdbcTemplate.class);
        List<Corpus.Part> parts = Corpus.knownParts(2, 7171);

        // subscribed (whatever ran before), with a part of B's that blocks on A
        reviewerA.post().uri("/api/v1/prints/subscriptions").contentType(MediaType.APPLICATION_JSON).body(Map.of("node", "node-b"))
                .retrieve().toBodilessEntity();
        addPart(reviewerB, parts.get(0), "seizure B-7");
        long first = version(reviewerB);
        String firstId = "node-b/" + String.format("KP-%05d", first);
        var got = Nodes.eventually(() -> subscriptions(reviewerA), l -> Long.valueOf(first).equals(asLong(row(l, "node-b").get("libraryVersion"))));
        assertThat(asLong(row(got, "node-b").get("libraryVersion"))).isEqualTo(first);
        assertThat(((Number) row(got, "node-b").get("parts")).intValue()).isEqualTo((int) first);
        var blocked = screen(portA, "order-77.stl", parts.get(0));
        assertThat(blocked.getBody().get("verdict")).as(String.valueOf(blocked.getBody())).isEqualTo("block");
        assertThat(knownParts(blocked)).contains(firstId);
        String heldId = (String) blocked.getBody().get("screeningId");

        // bad input: a node that is not configured; a configured node never subscribed to
        var unknown = unsubscribe(reviewerA, "node-z");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(unknown.getBody().get("code")).isEqualTo("NOT_FOUND");
        assertThat((String) unknown.getBody().get("detail")).contains("'node-z'").contains("not a configured peer");
        var never = unsubscribe(reviewerA, "node-c");
        assertThat(never.getStatusCode().value()).isEqualTo(404);
        assertThat(never.getBody().get("code")).isEqualTo("NOT_FOUND");
        assertThat((String) never.getBody().get("detail")).contains("has not subscribed to the library of 'node-c'");
        var blank = reviewerA.post().uri("/api/v1/prints/subscriptions").contentType(MediaType.APPLICATION_JSON).body(Map.of("node", " "))
                .retrieve().toEntity(Map.class);
        assertThat(blank.getStatusCode().value()).isEqualTo(400);
        assertThat(String.valueOf(blank.getBody().get("errors"))).contains("node");
        assertThat(unsubscribe(Nodes.client(portA, "printshop"), "node-b").getStatusCode().value()).isEqualTo(403);

        // unsubscribe: B's parts stop counting on A at once; a repeat changes nothing
        assertThat(unsubscribe(reviewerA, "node-b").getStatusCode().value()).isEqualTo(204);
        Map<String, Object> ended = row(subscriptions(reviewerA), "node-b");
        assertThat(ended.get("active")).isEqualTo(false);
        assertThat(ended.get("endedAt")).isNotNull();
        var after = screen(portA, "order-78.stl", parts.get(0));
        assertThat(after.getBody().get("verdict")).as(String.valueOf(after.getBody())).isNotEqualTo("block");
        assertThat(knownParts(after)).noneMatch(k -> k.startsWith("node-b/"));
        assertThat(unsubscribe(reviewerA, "node-b").getStatusCode().value()).isEqualTo(204);
        assertThat(countA("select count(*) from audit_log where action = 'PRINTS_LIBRARY_UNSUBSCRIBED' and entity_id = 'node-b'")).isOne();
        assertThat(countA("select count(*) from tracing_node_document where direction = 'OUT' and peer_node = 'node-b' and kind = 'PRINTS_LIBRARY_UNSUBSCRIBE'")).isOne();
        // the held file keeps its evidence naming B's part
        String held = reviewerA.get().uri("/api/v1/prints/reviews/" + heldId).retrieve().body(String.class);
        assertThat(held).contains(firstId);

        // B removes A from its subscribers (audited there), and sends A nothing of a part it adds
        var subsB = Nodes.eventually(() -> subscribers(reviewerB), l -> Boolean.FALSE.equals(row(l, "node-a").get("active")));
        assertThat(row(subsB, "node-a").get("active")).isEqualTo(false);
        assertThat(asLong(row(subsB, "node-a").get("sentVersion"))).isEqualTo(first);
        assertThat(jdbcB.queryForObject("select count(*) from audit_log where action = 'PRINTS_LIBRARY_SUBSCRIBER_REMOVED' and entity_id = 'node-a'",
                Long.class)).isOne();
        addPart(reviewerB, parts.get(1), "seizure B-8");
        long second = version(reviewerB);
        assertThat(jdbcB.queryForObject("select count(*) from tracing_node_document where direction = 'OUT' and peer_node = 'node-a' "
                + "and kind = 'PRINTS_LIBRARY' and reference = ?", Long.class, Long.toString(second))).isZero();
        assertThat(asLong(row(subscribers(reviewerB), "node-a").get("sentVersion"))).isEqualTo(first);

        // a library B sends anyway (say, queued before the unsubscribe arrived) is refused by A
        UUID stray = new org.springframework.transaction.support.TransactionTemplate(
                nodeB.getBean(org.springframework.transaction.PlatformTransactionManager.class)).execute(t ->
                nodeB.getBean(org.ferret.exchange.Exchange.class).send("node-a", org.ferret.exchange.DocumentKind.of("PRINTS_LIBRARY"),
                        "stray", Map.of("version", second, "library", reviewerB.get().uri("/api/v1/prints/library").retrieve().body(String.class))));
        String strayStatus = Nodes.eventually(() -> jdbcB.queryForObject("select status from tracing_node_document where document_id = ?",
                String.class, stray), st -> !"PENDING".equals(st));
        assertThat(strayStatus).isEqualTo("REFUSED");
        assertThat(asLong(row(subscriptions(reviewerA), "node-b").get("libraryVersion"))).isEqualTo(first);

        // resubscribe: B's whole library arrives afresh and both parts block again
        var again = reviewerA.post().uri("/api/v1/prints/subscriptions").contentType(MediaType.APPLICATION_JSON).body(Map.of("node", "node-b"))
                .retrieve().toEntity(List.class);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        got = Nodes.eventually(() -> subscriptions(reviewerA), l -> Long.valueOf(second).equals(asLong(row(l, "node-b").get("libraryVersion"))));
        assertThat(row(got, "node-b").get("active")).isEqualTo(true);
        assertThat(asLong(row(got, "node-b").get("libraryVersion"))).isEqualTo(second);
        assertThat(knownParts(screen(portA, "order-79.stl", parts.get(0)))).contains(firstId);
        var secondPart = screen(portA, "order-80.stl", parts.get(1));
        assertThat(secondPart.getBody().get("verdict")).isEqualTo("block");
        assertThat(knownParts(secondPart)).contains("node-b/" + String.format("KP-%05d", second));
        subsB = Nodes.eventually(() -> subscribers(reviewerB), l -> Boolean.TRUE.equals(row(l, "node-a").get("active")));
        assertThat(row(subsB, "node-a").get("active")).isEqualTo(true);
        assertThat(asLong(row(subsB, "node-a").get("sentVersion"))).isEqualTo(second);

        // an unsubscribe signed by A but older than that resubscription (delivered late) does not undo it on B
        ObjectMapper json = nodeB.getBean(ObjectMapper.class);
        String lastSubscribe = jdbcA.queryForObject("select body from tracing_node_document where direction = 'OUT' and peer_node = 'node-b' "
                + "and kind = 'PRINTS_LIBRARY_SUBSCRIBE' order by created_at desc, document_id fetch first 1 rows only", String.class);
        Instant subscribedAt = Instant.parse(json.readTree(lastSubscribe).get("createdAt").asString());
        Map<String, Object> late = new LinkedHashMap<>();
        late.put("id", UUID.randomUUID().toString());
        late.put("kind", "PRINTS_LIBRARY_UNSUBSCRIBE");
        late.put("sender", "node-a");
        late.put("recipient", "node-b");
        late.put("createdAt", subscribedAt.minusMillis(5).toString());
        late.put("nonce", UUID.randomUUID().toString().replace("-", ""));
        late.put("body", Map.of("node", "node-a"));
        String doc = json.writeValueAsString(late);
        var delivered = Nodes.client(B.port(), null).post().uri("/api/v1/exchange").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("document", doc, "signature", sign(doc, A.privateKey()))).retrieve().toEntity(Map.class);
        assertThat(delivered.getStatusCode().is2xxSuccessful()).as(String.valueOf(delivered.getBody())).isTrue();
        assertThat(row(subscribers(reviewerB), "node-a").get("active")).isEqualTo(true);
        assertThat(jdbcB.queryForObject("select count(*) from audit_log where action = 'PRINTS_LIBRARY_SUBSCRIBER_REMOVED' and entity_id = 'node-a'",
                Long.class)).isOne();
    }

    static String sign(String document, String privateKey) throws Exception {
        java.security.Signature s = java.security.Signature.getInstance("Ed25519");
        s.initSign(java.security.KeyFactory.getInstance("Ed25519").generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey))));
        s.update(document.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(s.sign());
    }

    static Long asLong(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }
}
