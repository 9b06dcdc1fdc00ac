package org.ferret.prints;

import static org.assertj.core.api.Assertions.assertThat;

import org.ferret.printfiles.corpus.Corpus;
import org.ferret.printfiles.corpus.MeshWriters;
import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/** In demo mode the fingerprint library holds three procedural stand-ins, and screening one of them blocks. */
@FerretIntegrationTest
@TestPropertySource(properties = {"ferret.demo-data=true", "ferret.demo-data.items=60"})
class DemoKnownPartsIT {
    @LocalServerPort
    int port;
    @Autowired
    KnownParts parts;

    @Test
    void the_demo_library_has_stand_ins_and_one_of_them_is_blocked() {
        assertThat(parts.current().entries()).hasSize(3).allSatisfy(e -> assertThat(e.source()).startsWith("demo: procedural stand-in"));
        RestClient shop = RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(HttpStatusCode::isError, (q, r) -> { })
                .defaultHeaders(h -> h.setBasicAuth("printshop", "printshop-demo")).build();
        byte[] stl = MeshWriters.binaryStl(Corpus.knownParts(3, 2026).get(1).mesh());
        var r = PrintsIT.post(shop, "/api/v1/prints/screen", PrintsIT.file("demo.stl", stl));
        assertThat(r.getBody().get("verdict")).as(String.valueOf(r.getBody())).isEqualTo("block");
        assertThat(String.valueOf(r.getBody().get("evidence"))).contains("exact_file");
    }
}
