package org.ferret.parcels;

import java.time.LocalDate;
import java.util.List;

/**
 * One item's advance data as UPU CN22/CN23 and ITMATT describe it, checked and normalised by
 * {@link DeclarationReader}. Sender and addressee are personal data: stored apart and read only with the need.
 */
public record Declaration(
        String itemId,
        String profile,
        String site,
        Direction direction,
        MailClass mailClass,
        String postingOffice,
        LocalDate postedOn,
        String origin,
        String destination,
        Party sender,
        Party addressee,
        AddresseeType addresseeType,
        Category category,
        String categoryExplanation,
        List<ContentLine> contents,
        Double grossWeightKg,
        Double totalValue,
        String currency,
        String licenceNumber,
        String certificateNumber,
        String invoiceNumber,
        Kcs kcs) {

    public Declaration {
        contents = List.copyOf(contents);
    }

    /** A postal (CN23) declaration: no kcs fields. */
    public Declaration(String itemId, String profile, String site, Direction direction, MailClass mailClass, String postingOffice,
            LocalDate postedOn, String origin, String destination, Party sender, Party addressee, AddresseeType addresseeType,
            Category category, String categoryExplanation, List<ContentLine> contents, Double grossWeightKg, Double totalValue,
            String currency, String licenceNumber, String certificateNumber, String invoiceNumber) {
        this(itemId, profile, site, direction, mailClass, postingOffice, postedOn, origin, destination, sender, addressee,
                addresseeType, category, categoryExplanation, contents, grossWeightKg, totalValue, currency, licenceNumber,
                certificateNumber, invoiceNumber, null);
    }

    /**
     * The fields of a customs import declaration of the {@code kcs} profile (the Korea Customs Service benchmark's
     * columns, docs/parcels.md "The kcs profile"); the parties are the customs' own pseudonymous ids, not names.
     */
    public record Kcs(LocalDate date, String officeId, String processType, String importType, String importUse,
            String paymentType, String modeOfTransport, String declarantId, String importerId, String sellerId,
            String courierId, String hs6Code, String countryOfDeparture, String countryOfOrigin, double taxRate,
            String taxType, String countryOfOriginIndicator, double netMass, double itemPrice) {}

    /** Which way the item moves through the country screening it. */
    public enum Direction {
        INBOUND("inbound"), OUTBOUND("outbound"), TRANSIT("transit");

        private final String label;

        Direction(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The mail stream (UPU): letter post, parcel post, EMS, or a courier / express service. */
    public enum MailClass {
        LETTER_POST("letter post"), PARCEL("parcel"), EMS("EMS"), COURIER("courier / express");

        private final String label;

        MailClass(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** CN23 box 10 category of item. */
    public enum Category {
        GIFT("gift"), DOCUMENTS("documents"), COMMERCIAL_SAMPLE("commercial sample"), RETURNED_GOODS("returned goods"),
        SALE_OF_GOODS("sale of goods"), OTHER("other");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether the addressee is a private residence or a business. */
    public enum AddresseeType {
        RESIDENCE, BUSINESS
    }

    /** A sender or addressee (personal data). */
    public record Party(String name, String address, String postcode, String country, String phone, String email) {}

    /** One CN23 content line. */
    public record ContentLine(String description, int quantity, Double netWeightKg, double value, String currency,
            String hsCode, String originCountry) {}

    /** Sum of the content lines' net weights, null if none gave one. */
    public Double netWeightKg() {
        Double sum = null;
        for (ContentLine c : contents) {
            if (c.netWeightKg() != null) {
                sum = (sum == null ? 0 : sum) + c.netWeightKg();
            }
        }
        return sum;
    }

    /** The HS code of the most valuable content line that has one, or "". */
    public String mainHsCode() {
        ContentLine best = null;
        for (ContentLine c : contents) {
            if (c.hsCode() != null && (best == null || c.value() > best.value())) {
                best = c;
            }
        }
        return best == null ? "" : best.hsCode();
    }
}
