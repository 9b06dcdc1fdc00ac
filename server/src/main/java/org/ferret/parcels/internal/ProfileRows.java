package org.ferret.parcels.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.ferret.parcels.Declaration;
import org.ferret.screening.data.Csv;
import org.ferret.screening.synth.PostalGenerator;

/**
 * A declaration as one row of the screening library's {@code postal} profile (column order as
 * {@link PostalGenerator#HEADER}): what the model scores, stored with the declaration so that the same rows can
 * be scored again by {@code ./ferret screen score}. Sender and addressee are their keyed hashes; content lines
 * are summed (quantity, net weight), their descriptions joined, and the HS code is that of the most valuable line.
 */
public final class ProfileRows {
    private ProfileRows() {
    }

    public static String postal(Declaration d, String operator, Instant receivedAt, String senderHash, String addresseeHash) {
        String description = d.contents().stream().map(Declaration.ContentLine::description).collect(Collectors.joining("; "));
        int quantity = d.contents().stream().mapToInt(Declaration.ContentLine::quantity).sum();
        List<String> f = List.of(
                d.itemId(),
                receivedAt.truncatedTo(ChronoUnit.SECONDS).toString(),
                operator,
                d.origin(),
                d.destination(),
                senderHash,
                addresseeHash,
                d.addresseeType() == null ? "" : d.addresseeType().name().toLowerCase(Locale.ROOT),
                description,
                d.category() == null ? "" : d.category().name().toLowerCase(Locale.ROOT),
                d.mainHsCode(),
                Integer.toString(Math.max(1, quantity)),
                num(d.netWeightKg()),
                num(d.grossWeightKg()),
                num(d.totalValue()),
                d.currency() == null ? "" : d.currency(),
                "",
                "");
        return f.stream().map(Csv::quote).collect(Collectors.joining(","));
    }

    /**
     * A declaration of the {@code kcs} profile as one row (column order as {@code Profiles.KCS}): its fields as given,
     * with the day it was received as {@code Date} (the scorer's day, as a postal row's timestamp is its arrival; the
     * declared date is kept with the declaration), label and severity blank.
     */
    public static String kcs(Declaration d, Instant receivedAt) {
        Declaration.Kcs k = d.kcs();
        List<String> f = List.of(
                d.itemId(),
                receivedAt.atOffset(java.time.ZoneOffset.UTC).toLocalDate().toString(),
                k.officeId(), k.processType(), k.importType(), k.importUse(), k.paymentType(), k.modeOfTransport(),
                blank(k.declarantId()), blank(k.importerId()), blank(k.sellerId()), blank(k.courierId()),
                k.hs6Code(), k.countryOfDeparture(), k.countryOfOrigin(), num(k.taxRate()), k.taxType(),
                k.countryOfOriginIndicator(), num(k.netMass()), num(k.itemPrice()),
                "", "");
        return f.stream().map(Csv::quote).collect(Collectors.joining(","));
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    private static String num(Double v) {
        return v == null ? "" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
