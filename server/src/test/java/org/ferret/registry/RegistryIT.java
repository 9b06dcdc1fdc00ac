package org.ferret.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ferret.registry.RegistryApi.event;
import static org.ferret.registry.RegistryApi.pistol;
import static org.ferret.registry.RegistryApi.unmarked;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

@FerretIntegrationTest
class RegistryIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Published published;

    RegistryApi api;

    @BeforeEach
    void setUp() {
        api = RegistryApi.registrar(port);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    long items() {
        return jdbc.queryForObject("select count(*) from registry_item", Long.class);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> listOf(Map<String, Object> body, String key) {
        return (List<Map<String, Object>>) body.get(key);
    }

    @Test
    void registers_a_pistol_with_its_marking_and_reads_it_back() {
        String serial = unique("GLK");
        Map<String, Object> created = api.register(pistol(serial));

        var got = api.get("/api/v1/items/{id}", created.get("id"));
        assertThat(got.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> item = got.getBody();
        assertThat(item.get("kind")).isEqualTo("PISTOL");
        assertThat(item.get("category")).isEqualTo("FIREARM");
        assertThat(item.get("status")).isEqualTo("IN_LAWFUL_POSSESSION");
        assertThat(item.get("markingRequired")).isEqualTo(false);
        assertThat(listOf(item, "markings")).singleElement()
                .satisfies(m -> assertThat(m.get("serialNumber")).isEqualTo(serial));
        assertThat(listOf(item, "history")).isEmpty();
    }

    @Test
    void finds_an_item_by_its_serial_typed_with_a_different_case_and_separators() {
        String serial = unique("AbC");
        Map<String, Object> created = api.register(pistol(serial + "-77"));
        String typed = " " + serial.toLowerCase().replace("-", " / ") + ".77 ";

        List<Map<String, Object>> found = api.list("/api/v1/items?serial={s}", typed);

        assertThat(found).singleElement().satisfies(s -> assertThat(s.get("id")).isEqualTo(created.get("id")));
    }

    @Test
    void records_a_theft_and_a_recovery_and_derives_the_status_from_them() {
        Map<String, Object> item = api.register(pistol(unique("T")));
        String uri = "/api/v1/items/" + item.get("id") + "/events";

        var stolen = api.post(uri, event("THEFT_REPORTED", "2026-01-10", "reference", "POL-2026-118"));
        assertThat(stolen.getStatusCode().value()).isEqualTo(201);
        assertThat(stolen.getBody().get("status")).isEqualTo("REPORTED_STOLEN");
        assertThat(published.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ItemReportedStolen.class,
                s -> assertThat(s.item().toString()).isEqualTo(item.get("id"))));

        var found = api.post(uri, event("RECOVERY", "2026-02-01"));
        assertThat(found.getBody().get("status")).isEqualTo("FOUND");
        assertThat(found.getBody().get("statusSince")).isEqualTo("2026-02-01");
        assertThat(listOf(found.getBody(), "history")).extracting(e -> e.get("type"))
                .containsExactly("THEFT_REPORTED", "RECOVERY");
    }

    @Test
    void refuses_any_event_after_destruction_and_writes_nothing() {
        Map<String, Object> item = api.register(pistol(unique("D")));
        String uri = "/api/v1/items/" + item.get("id") + "/events";
        api.post(uri, event("DESTRUCTION", "2026-03-01", "destruction",
                Map.of("method", "shredding", "witness", "Insp. Meyer", "certificateNumber", "DC-1")));

        var refused = api.post(uri, event("THEFT_REPORTED", "2026-03-02"));

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("code")).isEqualTo("ILLEGAL_TRANSITION");
        assertThat((String) refused.getBody().get("detail")).contains("destroyed");
        assertThat(jdbc.queryForObject("select count(*) from registry_event where item_id = ?", Long.class,
                UUID.fromString((String) item.get("id")))).isEqualTo(1);
    }

    @Test
    void a_correction_names_the_wrong_event_and_the_status_is_derived_without_it() {
        Map<String, Object> item = api.register(pistol(unique("C")));
        String uri = "/api/v1/items/" + item.get("id") + "/events";
        var stolen = api.post(uri, event("THEFT_REPORTED", "2026-01-10"));
        String theftId = (String) listOf(stolen.getBody(), "history").getFirst().get("id");

        var corrected = api.post(uri, event("CORRECTION", "2026-01-11", "corrects", theftId,
                "reason", "reported against the wrong serial"));

        assertThat(corrected.getStatusCode().value()).isEqualTo(201);
        Map<String, Object> body = corrected.getBody();
        assertThat(body.get("status")).isEqualTo("IN_LAWFUL_POSSESSION");
        List<Map<String, Object>> history = listOf(body, "history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("correctedLater")).isEqualTo(true);
        assertThat(history.get(1).get("corrects")).isEqualTo(theftId);
        // the original event is still there, unchanged
        assertThat(jdbc.queryForObject("select event_type from registry_event where id = ?", String.class,
                UUID.fromString(theftId))).isEqualTo("THEFT_REPORTED");
    }

    @Test
    void an_unmarked_3d_printed_frame_is_accepted_flagged_and_leaves_the_work_list_once_marked() {
        Map<String, Object> frame = api.register(unmarked("FRAME"));
        assertThat(frame.get("markingRequired")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        Map<String, Object> assessment = (Map<String, Object>) frame.get("markingAssessment");
        assertThat(assessment.get("provision")).isEqualTo("Art. 8(1)(a)");
        assertThat(assessment.get("reasons").toString()).contains("no marking");
        assertThat(workList()).contains(frame.get("id"));

        var marked = api.post("/api/v1/items/" + frame.get("id") + "/markings", Map.of("kind", "AUTHORITY_APPLIED",
                "countryOrPlace", "DE BKA", "serialNumber", unique("BKA"), "location", "frame rail",
                "method", "ENGRAVED", "markedOn", "2026-04-01"));

        assertThat(marked.getStatusCode().value()).isEqualTo(201);
        assertThat(marked.getBody().get("markingRequired")).isEqualTo(false);
        assertThat(listOf(marked.getBody(), "history")).extracting(e -> e.get("type")).containsExactly("MARKING");
        assertThat(workList()).doesNotContain(frame.get("id"));
    }

    @Test
    void correcting_a_misread_marking_withdraws_it_from_serial_lookup_and_the_marking_requirement() {
        Map<String, Object> frame = api.register(unmarked("FRAME"));
        String misread = unique("MISREAD");
        var marked = api.post("/api/v1/items/" + frame.get("id") + "/markings", Map.of("kind", "AUTHORITY_APPLIED",
                "countryOrPlace", "DE", "serialNumber", misread, "markedOn", "2026-04-01"));
        assertThat(marked.getBody().get("markingRequired")).isEqualTo(false);
        assertThat(api.list("/api/v1/items?serial={s}", misread)).hasSize(1);
        String markingEvent = (String) listOf(marked.getBody(), "history").getFirst().get("id");

        var corrected = api.post("/api/v1/items/" + frame.get("id") + "/events", event("CORRECTION", "2026-04-02",
                "corrects", markingEvent, "reason", "serial misread: 8 for B"));

        assertThat(corrected.getStatusCode().value()).isEqualTo(201);
        assertThat(corrected.getBody().get("markingRequired")).isEqualTo(true);
        assertThat(listOf(corrected.getBody(), "markings")).singleElement()
                .satisfies(m -> assertThat(m.get("retracted")).isEqualTo(true));
        assertThat(api.list("/api/v1/items?serial={s}", misread)).isEmpty();
        assertThat(workList()).contains(frame.get("id"));
    }

    @Test
    void a_serial_lookup_lists_every_item_with_that_serial_and_each_with_all_its_live_serials_in_marking_order() {
        String shared = unique("TWIN");
        Map<String, Object> first = api.register(pistol(shared));
        Map<String, Object> second = api.register(pistol(shared));
        String added = unique("ADDED");
        var marked = api.post("/api/v1/items/" + second.get("id") + "/markings", Map.of("kind", "AUTHORITY_APPLIED",
                "countryOrPlace", "DE", "serialNumber", added, "markedOn", "2026-04-01"));
        String addedEvent = (String) listOf(marked.getBody(), "history").getFirst().get("id");

        assertThat(api.list("/api/v1/items?serial={s}", shared)).extracting(s -> s.get("id"), s -> s.get("serials"))
                .containsExactly(tuple(first.get("id"), List.of(shared)), tuple(second.get("id"), List.of(shared, added)));
        assertThat(api.list("/api/v1/items?serial={s}", added)).singleElement()
                .satisfies(s -> assertThat(s.get("serials")).isEqualTo(List.of(shared, added)));

        api.post("/api/v1/items/" + second.get("id") + "/events", event("CORRECTION", "2026-04-02",
                "corrects", addedEvent, "reason", "applied to the wrong frame"));

        assertThat(api.list("/api/v1/items?serial={s}", added)).isEmpty();
        assertThat(api.list("/api/v1/items?serial={s}", shared)).extracting(s -> s.get("serials"))
                .containsExactly(List.of(shared), List.of(shared));
    }

    @Test
    void an_unmarked_component_registered_on_seizure_starts_its_history_seized() {
        var body = new java.util.HashMap<String, Object>(unmarked("SLIDE"));
        body.put("initialEvent", event("SEIZURE", "2026-03-03", "reference", "ZOLL-2026-77"));
        Map<String, Object> slide = api.register(body);
        assertThat(slide.get("status")).isEqualTo("SEIZED");
        assertThat(slide.get("markingRequired")).isEqualTo(true);
        assertThat(listOf(slide, "history")).singleElement()
                .satisfies(e -> assertThat(e.get("reference")).isEqualTo("ZOLL-2026-77"));
    }

    List<Object> workList() {
        var res = api.get("/api/v1/items/marking-required?limit=1000");
        return listOf(res.getBody(), "items").stream().map(i -> i.get("id")).toList();
    }

    @Test
    void keeps_the_history_of_which_frame_carried_which_barrel_and_finds_the_barrel_by_its_serial() {
        Map<String, Object> pistolA = api.register(pistol(unique("PA")));
        Map<String, Object> pistolB = api.register(pistol(unique("PB")));
        String barrelSerial = unique("BRL");
        Map<String, Object> barrel = api.register(Map.of("kind", "BARREL", "calibre", "9x19mm",
                "markings", List.of(Map.of("kind", "MANUFACTURE", "manufacturer", "Glock", "countryOrPlace", "AT",
                        "serialNumber", barrelSerial))));
        String barrelId = (String) barrel.get("id");

        var fitted = api.post("/api/v1/items/" + pistolA.get("id") + "/components",
                Map.of("componentId", barrelId, "on", "2025-01-01"));
        assertThat(fitted.getStatusCode().value()).isEqualTo(200);
        var busy = api.post("/api/v1/items/" + pistolB.get("id") + "/components",
                Map.of("componentId", barrelId, "on", "2025-02-01"));
        assertThat(busy.getStatusCode().value()).isEqualTo(409);

        api.post("/api/v1/items/" + pistolA.get("id") + "/components/" + barrelId + "/removal", Map.of("on", "2025-06-01"));
        api.post("/api/v1/items/" + pistolB.get("id") + "/components", Map.of("componentId", barrelId, "on", "2025-06-02"));

        List<Map<String, Object>> barrelFittings = listOf(api.get("/api/v1/items/" + barrelId).getBody(), "components");
        assertThat(barrelFittings).extracting(f -> f.get("firearmId"), f -> f.get("fittedOn"), f -> f.get("removedOn"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(pistolA.get("id"), "2025-01-01", "2025-06-01"),
                        org.assertj.core.groups.Tuple.tuple(pistolB.get("id"), "2025-06-02", null));
        List<Map<String, Object>> onA = listOf(api.get("/api/v1/items/" + pistolA.get("id")).getBody(), "components");
        assertThat(onA).singleElement().satisfies(f -> {
            assertThat(f.get("componentKind")).isEqualTo("BARREL");
            assertThat(f.get("current")).isEqualTo(false);
        });

        List<Map<String, Object>> found = api.list("/api/v1/items?serial={s}", barrelSerial.toLowerCase());
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.get("id")).isEqualTo(barrelId);
            assertThat(s.get("fittedTo")).isEqualTo(pistolB.get("id"));
        });
    }

    @Test
    void rejects_malformed_json_and_writes_nothing() {
        long before = items();
        var res = api.client.post().uri("/api/v1/items").contentType(MediaType.APPLICATION_JSON)
                .body("{\"kind\": \"PISTOL\", \"markings\": [").retrieve().toEntity(Map.class);
        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(res.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(res.getBody().get("code")).isEqualTo("MALFORMED_REQUEST");
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void rejects_an_unknown_item_kind_naming_the_field_and_the_allowed_values() {
        long before = items();
        var res = api.post("/api/v1/items", Map.of("kind", "BAZOOKA"));
        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat((String) res.getBody().get("detail")).contains("kind").contains("PISTOL");
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void rejects_an_unknown_marking_method_inside_a_marking_naming_its_path() {
        var body = Map.of("kind", "PISTOL", "markings", List.of(Map.of("kind", "MANUFACTURE", "method", "PAINTED")));
        var res = api.post("/api/v1/items", body);
        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(res.getBody().get("errors").toString()).contains("markings[0].method");
    }

    @Test
    void rejects_an_invalid_country_code_naming_the_field() {
        long before = items();
        var body = new java.util.HashMap<>(pistol(unique("X")));
        body.put("countryOfManufacture", "XZ");
        var res = api.post("/api/v1/items", body);
        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(res.getBody().get("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(res.getBody().get("errors").toString()).contains("countryOfManufacture").contains("ISO 3166-1");
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void rejects_a_serial_longer_than_allowed_naming_the_marking_field_and_leaves_no_partial_record() {
        long before = items();
        long markings = jdbc.queryForObject("select count(*) from registry_marking", Long.class);
        var res = api.post("/api/v1/items", pistol("S".repeat(41)));
        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(res.getBody().get("errors").toString()).contains("markings[0].serialNumber").contains("at most 40");
        assertThat(items()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from registry_marking", Long.class)).isEqualTo(markings);
    }

    @Test
    void reports_every_invalid_field_at_once() {
        var body = Map.of("kind", "PISTOL", "countryOfManufacture", "QQ", "yearOfManufacture", 3999,
                "markings", List.of(Map.of("kind", "IMPORT", "importCountry", "ZZ")));
        var res = api.post("/api/v1/items", body);
        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(res.getBody().get("errors").toString()).contains("countryOfManufacture")
                .contains("markings[0].importCountry");
    }

    @Test
    void a_deactivation_without_its_certificate_is_refused_naming_the_field() {
        Map<String, Object> item = api.register(pistol(unique("DX")));
        var res = api.post("/api/v1/items/" + item.get("id") + "/events", event("DEACTIVATION", "2026-01-01",
                "deactivation", Map.of("standardApplied", "EU 2015/2403", "verifyingAuthority", "Proof house")));
        assertThat(res.getStatusCode().value()).isEqualTo(400);
        assertThat(res.getBody().get("errors").toString()).contains("deactivation.certificateNumber");
    }

    @Test
    void an_unknown_item_is_not_found_as_problem_json() {
        var res = api.get("/api/v1/items/{id}", UUID.randomUUID());
        assertThat(res.getStatusCode().value()).isEqualTo(404);
        assertThat(res.getBody().get("code")).isEqualTo("NOT_FOUND");
    }

    @Test
    void a_read_only_user_can_read_items_but_not_register_them() {
        var readonly = new RegistryApi(port, "readonly", "readonly-demo");
        var res = readonly.post("/api/v1/items", pistol(unique("RO")));
        assertThat(res.getStatusCode().value()).isEqualTo(403);
        Map<String, Object> item = api.register(pistol(unique("RO")));
        assertThat(readonly.get("/api/v1/items/{id}", item.get("id")).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void every_change_is_in_the_audit_log() {
        Map<String, Object> item = api.register(pistol(unique("AU")));
        api.post("/api/v1/items/" + item.get("id") + "/events", event("SEIZURE", "2026-05-05"));
        List<String> actions = jdbc.queryForList(
                "select action from audit_log where entity_type = 'item' and entity_id = ? order by seq", String.class,
                item.get("id"));
        assertThat(actions).containsExactly("ITEM_REGISTERED", "EVENT_RECORDED");
        assertThat(jdbc.queryForObject("select actor from audit_log where entity_id = ? and action = 'EVENT_RECORDED'",
                String.class, item.get("id"))).isEqualTo("registrar");
    }

    @Test
    void a_holder_read_is_audited_and_refused_to_read_only_users() {
        var created = api.post("/api/v1/holders", Map.of("type", "PERSON", "role", "OWNER", "name", "Erika Mustermann",
                "licenceNumber", "WBK-" + UUID.randomUUID().toString().substring(0, 6), "country", "DE"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        Object id = created.getBody().get("id");

        var investigator = new RegistryApi(port, "investigator", "investigator-demo");
        assertThat(investigator.get("/api/v1/holders/{id}", id).getBody().get("name")).isEqualTo("Erika Mustermann");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'READ_PERSONAL_DATA' "
                + "and entity_id = ? and actor = 'investigator'", Long.class, id)).isEqualTo(1);

        var readonly = new RegistryApi(port, "readonly", "readonly-demo");
        assertThat(readonly.get("/api/v1/holders/{id}", id).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void a_transfer_of_possession_makes_the_named_holder_current() {
        var holder = api.post("/api/v1/holders", Map.of("type", "ORGANISATION", "role", "DEALER",
                "name", "Waffen Schmidt GmbH", "licenceNumber", "DL-" + UUID.randomUUID().toString().substring(0, 6)));
        Map<String, Object> item = api.register(pistol(unique("TR")));
        var res = api.post("/api/v1/items/" + item.get("id") + "/events",
                event("TRANSFER_OF_POSSESSION", "2026-02-02", "holderId", holder.getBody().get("id")));
        assertThat(res.getBody().get("currentHolderId")).isEqualTo(holder.getBody().get("id"));

        var unknown = api.post("/api/v1/items/" + item.get("id") + "/events",
                event("TRANSFER_OF_POSSESSION", "2026-02-03", "holderId", UUID.randomUUID().toString()));
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().get("errors").toString()).contains("holder");
    }

    @Test
    void an_imported_pistol_with_only_a_manufacture_marking_is_assessed_as_needing_an_import_marking() {
        Map<String, Object> item = api.register(pistol(unique("IM")));
        var imported = api.post("/api/v1/items/" + item.get("id") + "/events", event("IMPORT", "2026-03-01", "country", "AT"));

        assertThat(imported.getBody().get("markingRequired")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        Map<String, Object> assessment = (Map<String, Object>) imported.getBody().get("markingAssessment");
        assertThat(assessment.get("compliant")).isEqualTo(false);
        assertThat(assessment.get("provision")).isEqualTo("Art. 8(1)(b)");
        assertThat(assessment.get("reasons").toString()).contains("import marking").contains("Art. 8(1)(b)");

        var marked = api.post("/api/v1/items/" + item.get("id") + "/markings",
                Map.of("kind", "IMPORT", "importCountry", "FI", "importYear", 2026, "markedOn", "2026-03-02"));
        assertThat(marked.getBody().get("markingRequired")).isEqualTo(false);
    }

    @Test
    void a_holder_is_found_by_licence_number_typed_with_another_case_and_separators() {
        String licence = "FI-DL-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var created = api.post("/api/v1/holders", Map.of("type", "ORGANISATION", "role", "DEALER",
                "name", "Asekauppa Oy", "licenceNumber", licence, "country", "FI"));
        Object id = created.getBody().get("id");

        for (String typed : List.of(licence, licence.toLowerCase(), licence.replace('-', ' '),
                " " + licence.toLowerCase().replace("-", "") + " ")) {
            assertThat(api.list("/api/v1/holders?licence={l}", typed)).as(typed)
                    .singleElement().satisfies(h -> assertThat(h.get("id")).isEqualTo(id));
        }
    }

    @Test
    void an_item_with_the_most_markings_allowed_is_registered_and_its_published_event_stays_small() {
        List<Map<String, Object>> markings = new java.util.ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        for (int i = 0; i < NewItem.MAX_MARKINGS; i++) {
            markings.add(Map.of("kind", "MANUFACTURE", "manufacturer", "Sako", "countryOrPlace", "FI",
                    "serialNumber", ("N" + run + "-" + i + "-").repeat(4).substring(0, 40)));
        }
        var res = api.post("/api/v1/items", Map.of("kind", "RIFLE", "markings", markings));
        assertThat(res.getStatusCode().value()).as("%s", res.getBody()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select max(length(serialized_event)) from event_publication "
                + "where event_type like '%ItemRegistered'", Integer.class)).isLessThan(1000);
    }

    @Test
    void a_bulk_import_publishes_its_items_in_small_batches_on_the_registration_road() {
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        StringBuilder csv = new StringBuilder(
                "external_ref,kind,manufacturer,country_of_manufacture,serial_number,marking_manufacturer,marking_country_or_place\n");
        for (int i = 0; i < 200; i++) {
            csv.append("B-").append(run).append('-').append(i).append(",pistol,Walther,DE,W").append(run).append(i)
                    .append(",Walther,DE\n");
        }
        var res = api.client.post().uri("/api/v1/items/import").contentType(MediaType.parseMediaType("text/csv"))
                .body(csv.toString()).retrieve().toEntity(Map.class);
        assertThat(res.getStatusCode().value()).as("%s", res.getBody()).isEqualTo(200);
        UUID job = UUID.fromString((String) res.getBody().get("job"));

        List<ItemsRegistered> batches = published.events.stream().filter(ItemsRegistered.class::isInstance)
                .map(ItemsRegistered.class::cast).filter(e -> job.equals(e.importJob())).toList();
        assertThat(batches).allSatisfy(b -> assertThat(b.items()).hasSizeLessThanOrEqualTo(ItemsRegistered.MAX_ITEMS));
        List<String> announced = batches.stream().flatMap(b -> b.items().stream()).map(ItemId::toString).sorted().toList();
        List<String> written = jdbc.queryForList("select cast(id as varchar(36)) from registry_item where import_job = ?",
                String.class, job).stream().sorted().toList();
        assertThat(announced).hasSize(200).isEqualTo(written);
    }

    @Test
    void the_api_is_documented_in_openapi() {
        var res = api.client.get().uri("/v3/api-docs").retrieve().toEntity(String.class);
        assertThat(res.getStatusCode().value()).isEqualTo(200);
        assertThat(res.getBody()).contains("/api/v1/items/{id}/events").contains("/api/v1/items/marking-required");
    }

    @Test
    void the_cached_status_of_every_item_is_the_status_derived_from_its_history() {
        Map<String, Object> item = api.register(pistol(unique("P")));
        String uri = "/api/v1/items/" + item.get("id") + "/events";
        api.post(uri, event("LOSS_REPORTED", "2026-01-01"));
        api.post(uri, event("THEFT_REPORTED", "2026-01-02"));
        api.post(uri, event("SEIZURE", "2026-01-03"));

        List<Map<String, Object>> rows = jdbc.queryForList("select id, kind, status from registry_item");
        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            ItemId id = new ItemId((UUID) row.get("id"));
            ItemKind kind = ItemKind.valueOf((String) row.get("kind"));
            DerivedState derived = StatusDerivation.derive(kind, store.events(id));
            assertThat(row.get("status")).as("status of %s", id).isEqualTo(derived.status().name());
        });
    }

    @Autowired
    org.ferret.registry.internal.RegistryStore store;

    /** Collects the registry's published domain events. */
    static class Published {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ItemReportedStolen e) {
            events.add(e);
        }

        @EventListener
        void on(ItemsRegistered e) {
            events.add(e);
        }
    }

    @TestConfiguration
    static class Listener {
        @Bean
        Published published() {
            return new Published();
        }
    }
}
