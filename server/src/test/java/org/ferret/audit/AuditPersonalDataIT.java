package org.ferret.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/** Holders' names and licence numbers in the audit trail are masked unless an auditor asks, and that view is audited. */
@FerretIntegrationTest
class AuditPersonalDataIT {

    static final ParameterizedTypeReference<List<Map<String, Object>>> ENTRIES = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    String holderId;

    RestClient as(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, user + "-demo"))
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
    }

    @BeforeEach
    void a_registrar_registers_a_holder() {
        Map<?, ?> holder = as("registrar").post().uri("/api/v1/holders")
                .body(Map.of("type", "PERSON", "role", "OWNER", "name", "Maija Meikäläinen",
                        "licenceNumber", "LIC-778899", "country", "FI"))
                .retrieve().body(Map.class);
        holderId = (String) holder.get("id");
    }

    long readsOf(String actor) {
        return jdbc.queryForObject("select count(*) from audit_log where action = 'READ_PERSONAL_DATA' "
                + "and entity_type = 'holder' and entity_id = ? and actor = ?", Long.class, holderId, actor);
    }

    @Test
    void an_administrator_sees_the_holders_entry_with_name_and_licence_masked_and_no_read_is_recorded() {
        var entries = as("admin").get().uri("/api/v1/audit?entityType=holder&entityId=" + holderId)
                .retrieve().body(ENTRIES);
        assertThat(entries).isNotEmpty();
        String all = entries.toString();
        assertThat(all).doesNotContain("Meikäläinen").doesNotContain("LIC-778899").contains("•••");
        assertThat(all).contains("OWNER"); // what is not personal stays readable
        assertThat(readsOf("admin")).isZero();
    }

    @Test
    void an_administrator_may_not_reveal_personal_data_in_the_trail() {
        var res = as("admin").get().uri("/api/v1/audit?revealPersonalData=true").retrieve().toEntity(Map.class);
        assertThat(res.getStatusCode().value()).isEqualTo(403);
        assertThat(res.getBody().get("code")).isEqualTo("FORBIDDEN");
    }

    @Test
    void an_auditor_who_reveals_personal_data_sees_it_and_the_view_is_recorded() {
        var masked = as("auditor").get().uri("/api/v1/audit?entityType=holder&entityId=" + holderId)
                .retrieve().body(ENTRIES);
        assertThat(masked.toString()).doesNotContain("Meikäläinen");
        assertThat(readsOf("auditor")).isZero();

        var revealed = as("auditor").get()
                .uri("/api/v1/audit?entityType=holder&entityId=" + holderId + "&revealPersonalData=true")
                .retrieve().body(ENTRIES);
        assertThat(revealed.toString()).contains("Meikäläinen").contains("LIC-778899");
        assertThat(readsOf("auditor")).isEqualTo(1);
    }

    @Test
    void the_audit_page_masks_personal_data_too() {
        var auditor = org.ferret.testsupport.SignedInClient.signIn(port, "auditor");
        String page = auditor.page("/audit?entityType=holder&entityId=" + holderId);
        assertThat(page).doesNotContain("Meikäläinen").doesNotContain("LIC-778899").contains("•••")
                .contains("Show personal data");
        String revealed = auditor.page("/audit?entityType=holder&entityId=" + holderId + "&reveal=true");
        assertThat(revealed).contains("Meikäläinen");
        assertThat(readsOf("auditor")).isEqualTo(1);
    }
}
