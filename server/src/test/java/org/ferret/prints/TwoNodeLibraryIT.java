package org.ferret.prints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.ferret.printfiles.corpus.Corpus;
import org.ferret.printfiles.corpus.MeshWriters;
import org.ferret.printfiles.corpus.Transforms;
import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.Nodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Two nodes on loopback (testsupport.Nodes): node A subscribes to node B's fingerprint library over the signed
 * exchange; B's library arrives, A's screen blocks B's known part (a procedural stand-in) naming it {@code node-b/…},
 * and a part B adds later reaches A as a new version.
 */
@FerretIntegrationTest
class TwoNodeLibraryIT {
    static final Nodes.Node A = Nodes.Node.self("node-a");
    static final Nodes.Node B = Nodes.Node.fresh("node-b");
    static ConfigurableApplicationContext nodeB;

    @DynamicPropertySource
    static void nodeA(DynamicPropertyRegistry r) {
        Nodes.register(r, A, B);
    }

    @LocalServerPort
    int portA;

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
    @SuppressWarnings("unchecked")
    void a_node_subscribes_to_another_nodes_library_and_screens_with_it() {
        nodeB = Nodes.start(B, Map.of(), A.onPort(portA));
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

    static Long asLong(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }
}
