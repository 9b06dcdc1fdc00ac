package org.ferret.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.registry.RegistryApi.event;
import static org.ferret.registry.RegistryApi.pistol;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@FerretIntegrationTest
class RetentionIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.ferret.audit.RecordCoverageVerifier records;

    Map<String, Object> destroyedOn(RegistryApi api, String date) {
        Map<String, Object> item = api.register(pistol("R-" + UUID.randomUUID().toString().substring(0, 8)));
        var res = api.post("/api/v1/items/" + item.get("id") + "/events", event("DESTRUCTION", date, "destruction",
                Map.of("method", "smelting", "witness", "Insp. Weber", "certificateNumber", "DC-" + date)));
        assertThat(res.getStatusCode().value()).isEqualTo(201);
        return item;
    }

    @Test
    void refuses_to_purge_an_item_destroyed_within_the_retention_period_and_keeps_it() {
        var registrar = RegistryApi.registrar(port);
        var admin = new RegistryApi(port, "admin", "admin-demo");
        Map<String, Object> young = destroyedOn(registrar, LocalDate.now().minusYears(5).toString());

        var res = admin.post("/api/v1/retention/purge", Map.of("itemIds", List.of(young.get("id"))));

        assertThat(res.getStatusCode().value()).isEqualTo(409);
        assertThat(res.getBody().get("code")).isEqualTo("RETENTION_NOT_REACHED");
        assertThat((String) res.getBody().get("detail")).contains("art. 7").contains((String) young.get("id"));
        assertThat(registrar.get("/api/v1/items/{id}", young.get("id")).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void refuses_to_purge_an_item_that_was_never_destroyed_or_exported() {
        var registrar = RegistryApi.registrar(port);
        var admin = new RegistryApi(port, "admin", "admin-demo");
        Map<String, Object> live = registrar.register(pistol("L-" + UUID.randomUUID().toString().substring(0, 8)));
        var res = admin.post("/api/v1/retention/purge", Map.of("itemIds", List.of(live.get("id"))));
        assertThat(res.getStatusCode().value()).isEqualTo(409);
        assertThat((String) res.getBody().get("detail")).contains("in lawful possession");
    }

    @Test
    @SuppressWarnings("unchecked")
    void purges_an_item_destroyed_longer_ago_than_the_retention_period_as_an_audited_job() {
        var registrar = RegistryApi.registrar(port);
        var admin = new RegistryApi(port, "admin", "admin-demo");
        Map<String, Object> old = destroyedOn(registrar, "1990-06-30");
        Map<String, Object> young = destroyedOn(registrar, LocalDate.now().minusYears(1).toString());

        var res = admin.post("/api/v1/retention/purge", null);

        assertThat(res.getStatusCode().value()).isEqualTo(200);
        assertThat((List<Object>) res.getBody().get("purgedItems")).contains(old.get("id")).doesNotContain(young.get("id"));
        assertThat(registrar.get("/api/v1/items/{id}", old.get("id")).getStatusCode().value()).isEqualTo(404);
        assertThat(registrar.get("/api/v1/items/{id}", young.get("id")).getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from registry_event where item_id = ?", Long.class,
                UUID.fromString((String) old.get("id")))).isZero();
        String audit = jdbc.queryForObject("select after_json from audit_log where action = 'RETENTION_PURGE' "
                + "and entity_id = ?", String.class, res.getBody().get("job"));
        assertThat(audit).contains((String) old.get("id"));
        // the purge released the rows it deleted: the record coverage names none of them
        assertThat(records.verify().problems()).noneSatisfy(p -> assertThat(p.what()).contains((String) old.get("id")));
    }

    @Test
    void on_postgresql_the_purged_tables_refuse_a_delete_outside_the_purge() {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.ferret.testsupport.TestDatabase.onPostgres());
        Map<String, Object> item = destroyedOn(RegistryApi.registrar(port), "1991-01-31");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "delete from registry_event where item_id = ?", UUID.fromString((String) item.get("id"))))
                .rootCause().hasMessageContaining("append-only");
        var res = new RegistryApi(port, "admin", "admin-demo").post("/api/v1/retention/purge",
                Map.of("itemIds", List.of(item.get("id"))));
        assertThat(res.getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from registry_event where item_id = ?", Long.class,
                UUID.fromString((String) item.get("id")))).isZero();
    }

    @Test
    void only_an_administrator_may_run_a_purge() {
        var registrar = RegistryApi.registrar(port);
        var res = registrar.post("/api/v1/retention/purge", null);
        assertThat(res.getStatusCode().value()).isEqualTo(403);
    }
}
