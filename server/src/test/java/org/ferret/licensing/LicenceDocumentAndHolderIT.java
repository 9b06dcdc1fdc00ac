package org.ferret.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.licensing.LicensingApi.answer;
import static org.ferret.licensing.LicensingApi.application;
import static org.ferret.licensing.LicensingApi.licence;
import static org.ferret.licensing.LicensingApi.unique;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ferret.testsupport.FerretIntegrationTest;
import org.ferret.testsupport.SignedInClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * The licence document as a PDF (art. 10(3) fields and verification code, read back from the PDF's text), and the
 * exporter's view keyed by licence number and verification code (issue 13).
 */
@FerretIntegrationTest
class LicenceDocumentAndHolderIT {

    @LocalServerPort
    int port;
    LicensingApi officer;
    LicensingApi anonymous;
    String id;
    String number;
    String code;
    String lot;

    @BeforeEach
    void anIssuedLicenceThroughSwedenWithOneShipment() {
        officer = new LicensingApi(port, "licensing");
        anonymous = new LicensingApi(port, null);
        String dealer = LicensingApi.dealer(new LicensingApi(port, "registrar"));
        lot = "9x19mm cartridges, lot " + unique("L");
        Map<String, Object> applied = officer.ok(officer.post("/api/v1/licences", application(dealer, "DE",
                List.of("SE"), List.of(Map.of("description", lot, "quantity", 500)))), 201);
        id = (String) licence(applied).get("id");
        number = (String) licence(applied).get("number");
        officer.ok(officer.post("/api/v1/licences/" + id + "/answers",
                answer("IMPORT_AUTHORISATION", "DE", LocalDate.now().plusYears(1))), 201);
        officer.ok(officer.post("/api/v1/licences/" + id + "/answers", answer("TRANSIT_NO_OBJECTION", "SE", null)), 201);
        code = (String) licence(officer.ok(officer.post("/api/v1/licences/" + id + "/issue", null), 200))
                .get("verificationCode");
        officer.ok(officer.post("/api/v1/licences/" + id + "/usage", Map.of("reportId", unique("EXIT"), "line", 1,
                "quantity", 120, "occurredOn", LocalDate.now().toString())), 201);
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void the_pdf_carries_the_article_10_3_fields_and_the_verification_code() throws Exception {
        ResponseEntity<byte[]> res = officer.client.get().uri("/api/v1/licences/" + id + "/document.pdf").retrieve()
                .toEntity(byte[].class);
        assertThat(res.getStatusCode().value()).isEqualTo(200);
        assertThat(res.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        String text = text(res.getBody());
        assertThat(text).contains("Export licence " + number)
                .contains("Place of issue: Helsinki")
                .contains("Date of issue: " + LocalDate.now())
                .contains("Date of expiry: " + LocalDate.now().plusMonths(6))
                .contains("Country of export: FI")
                .contains("Country of import: DE")
                .contains("Transit countries: SE")
                .contains("Final recipient: Sportschützen Verein Berlin e.V.")
                .contains("Line 1: 500 x " + lot)
                .contains("Verification code: " + code)
                .contains("/api/v1/licence-verification/" + code);
    }

    @Test
    void a_licence_not_yet_issued_has_no_pdf() {
        String dealer = LicensingApi.dealer(new LicensingApi(port, "registrar"));
        String applied = (String) licence(officer.ok(officer.post("/api/v1/licences", application(dealer, "DE",
                List.of(), List.of(Map.of("description", "cartridges", "quantity", 5)))), 201)).get("id");
        var res = officer.client.get().uri("/api/v1/licences/" + applied + "/document.pdf").retrieve()
                .toEntity(String.class);
        assertThat(res.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_exporter_sees_their_licence_and_its_shipments_with_number_and_code_and_nothing_with_either_alone() {
        Map<String, Object> view = anonymous.ok(anonymous.get("/api/v1/licence-verification/" + code
                + "/licence?number=" + number), 200);
        assertThat(view.get("number")).isEqualTo(number);
        assertThat(view.get("status")).isEqualTo("ISSUED");
        assertThat(view.get("transitCountries")).isEqualTo(List.of("SE"));
        Map<String, Object> line = ((List<Map<String, Object>>) view.get("goods")).getFirst();
        assertThat(line.get("used")).isEqualTo(120);
        List<Map<String, Object>> shipments = (List<Map<String, Object>>) view.get("shipments");
        assertThat(shipments).hasSize(1);
        assertThat(shipments.getFirst().get("due")).isEqualTo(LocalDate.now().plusDays(45).toString());
        assertThat(view).doesNotContainKeys("history", "authorisations", "exporter");

        assertThat(anonymous.get("/api/v1/licence-verification/" + code + "/licence?number=EXP-FI-2026-OTHER")
                .getStatusCode().value()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/licence-verification/AAAAAAAAAAAAAAAA/licence?number=" + number)
                .getStatusCode().value()).isEqualTo(404);

        var pdf = anonymous.client.get().uri("/api/v1/licence-verification/" + code + "/document.pdf?number=" + number)
                .retrieve().toEntity(byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        var noPdf = anonymous.client.get().uri("/api/v1/licence-verification/" + code + "/document.pdf?number=X")
                .retrieve().toEntity(String.class);
        assertThat(noPdf.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void the_exporter_page_needs_no_account_and_shows_goods_and_receipts() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + "/licence-holder?number=" + number + "&code=" + code)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Licence " + number + ": issued").contains(lot).contains("awaited")
                .contains("id=\"holder-shipments\"");
        var wrong = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + "/licence-holder?number=" + number + "&code=AAAAAAAAAAAAAAAA")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(wrong.body()).doesNotContain(lot);
        var post = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + "/licence-holder")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isIn(401, 403, 405);
    }

    @Test
    void the_officer_sees_each_shipments_receipt_deadline_records_the_receipt_and_the_pdf_link() {
        SignedInClient officerUi = SignedInClient.signIn(port, "licensing");
        String page = officerUi.page("/licences/" + id);
        assertThat(page).contains("due by").contains("id=\"receipt-form\"").contains("id=\"document-pdf\"");
        var pdf = officerUi.get("/licences/" + id + "/document.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    }
}
