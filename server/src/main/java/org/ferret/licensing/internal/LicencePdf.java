package org.ferret.licensing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.ferret.licensing.Licence;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The licence document as a PDF (art. 10(3) and 10(5)): printed from the signed document itself, so what is on paper
 * is what the node signed: place and date of issue, expiry, countries of export and import, transit countries, final
 * recipient, end-user certificate, import authorisation, every goods line with its quantity, the verification code and
 * where to check it, the issuing node and the signature. A4, the standard Helvetica fonts (characters they cannot
 * show are printed as "?"; the signed text itself is unchanged).
 */
@Component
public class LicencePdf {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final ObjectMapper json;

    LicencePdf(ObjectMapper json) {
        this.json = json;
    }

    /** The PDF of an issued licence's signed document. */
    public byte[] render(Licence l) {
        if (l.document() == null) {
            throw new IllegalArgumentException("licence " + l.number() + " has no document");
        }
        JsonNode d = json.readTree(l.document());
        try (PDDocument doc = new PDDocument()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
            Writer w = new Writer(doc, regular);
            w.line(bold, 16, "Export licence " + d.path("number").asString(""));
            w.line(regular, 9, "Issued under article 10 of the UN Firearms Protocol. Signed by the issuing node's key "
                    + "(Ed25519); check its standing with the verification code below.");
            w.gap(8);
            field(w, bold, regular, "Place of issue", d.path("placeOfIssue").asString(""));
            field(w, bold, regular, "Date of issue", d.path("issuedOn").asString(""));
            field(w, bold, regular, "Date of expiry", d.path("expiresOn").asString(""));
            field(w, bold, regular, "Country of export", d.path("countryOfExport").asString(""));
            field(w, bold, regular, "Country of import", d.path("countryOfImport").asString(""));
            List<String> transit = new ArrayList<>();
            d.path("transitCountries").forEach(c -> transit.add(c.asString()));
            field(w, bold, regular, "Transit countries", transit.isEmpty() ? "none" : String.join(", ", transit));
            field(w, bold, regular, "Final recipient", d.path("finalRecipient").asString(""));
            field(w, bold, regular, "End-user certificate", d.path("endUserCertificate").asString(""));
            field(w, bold, regular, "Import authorisation", d.path("importAuthorisation").isString()
                    ? d.path("importAuthorisation").asString() : "-");
            w.gap(8);
            w.line(bold, 11, "Firearms, their parts and components, ammunition");
            for (JsonNode g : d.path("goods")) {
                w.wrapped(regular, 10, "Line " + g.path("line").asInt() + ": " + g.path("quantity").asInt() + " x "
                        + g.path("description").asString(""));
            }
            w.gap(8);
            w.line(bold, 11, "Verification code: " + d.path("verificationCode").asString(""));
            w.wrapped(regular, 9, "Issuing node " + d.path("issuer").asString("") + ". Anyone holding this document can "
                    + "check it: GET /api/v1/licence-verification/" + d.path("verificationCode").asString("")
                    + " on the issuing node answers valid, expired, revoked or exhausted and the remaining quantities.");
            w.gap(6);
            w.line(regular, 8, "Signature (base64, over the signed document):");
            w.wrapped(mono, 7, l.signature() == null ? "" : l.signature());
            w.close();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Export licence " + d.path("number").asString(""));
            info.setCreator("Ferret");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write the licence PDF", e);
        }
    }

    private static void field(Writer w, PDType1Font bold, PDType1Font regular, String label, String value)
            throws IOException {
        w.wrapped(regular, 10, label + ": " + value);
    }

    /** Writes lines top to bottom, wrapping to the page width and starting new pages as needed. */
    private static final class Writer {
        private final PDDocument doc;
        private PDPageContentStream out;
        private float y;

        Writer(PDDocument doc, PDType1Font font) throws IOException {
            this.doc = doc;
            newPage();
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        void line(PDType1Font font, float size, String text) throws IOException {
            float lead = size * 1.35f;
            if (y - lead < MARGIN) {
                newPage();
            }
            y -= lead;
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN, y);
            out.showText(printable(font, text));
            out.endText();
        }

        void wrapped(PDType1Font font, float size, String text) throws IOException {
            String t = printable(font, text);
            StringBuilder current = new StringBuilder();
            for (String word : t.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > WIDTH) {
                    line(font, size, current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
                while (font.getStringWidth(current.toString()) / 1000 * size > WIDTH && current.length() > 1) {
                    int cut = current.length() - 1;
                    while (cut > 1 && font.getStringWidth(current.substring(0, cut)) / 1000 * size > WIDTH) {
                        cut--;
                    }
                    line(font, size, current.substring(0, cut));
                    current = new StringBuilder(current.substring(cut));
                }
            }
            if (!current.isEmpty()) {
                line(font, size, current.toString());
            }
        }

        void close() throws IOException {
            out.close();
        }
    }

    /** The text with every character the font cannot encode replaced by "?" (and control characters by a space). */
    static String printable(PDType1Font font, String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (Character.isISOControl(cp)) {
                b.append(' ');
                return;
            }
            try {
                font.encode(ch);
                b.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                b.append('?');
            }
        });
        return b.toString();
    }
}
