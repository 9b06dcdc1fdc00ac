package org.ferret.tracing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a trace request (ISACS 05.31 trace response, reduced): whether the item was traced, its
 * identification, the chain of custody reconstructed from the registry's events, the last lawful holder and
 * acquisition, any report of loss or theft, and the time-to-crime (last lawful acquisition to recovery).
 */
public record TraceAnswer(
        Outcome outcome,
        UUID itemId,
        String kind,
        String manufacturer,
        String model,
        String calibre,
        String countryOfManufacture,
        List<String> serials,
        List<CustodyEntry> chainOfCustody,
        String lastLawfulHolder,
        LocalDate lastLawfulAcquisition,
        String lossOrTheft,
        LocalDate lossOrTheftReportedOn,
        Long timeToCrimeDays,
        String remarks,
        String answeredBy,
        String answeringNode,
        Instant answeredAt) {

    /** TRACED: the item was identified and its history is given; NOT_TRACED: no registered item matched. */
    public enum Outcome {
        TRACED, NOT_TRACED
    }

    public TraceAnswer {
        serials = serials == null ? List.of() : List.copyOf(serials);
        chainOfCustody = chainOfCustody == null ? List.of() : List.copyOf(chainOfCustody);
    }

    /** Time-to-crime under three years is a trafficking indicator (ATF eTrace practice). */
    public Boolean shortTimeToCrime() {
        return timeToCrimeDays == null ? null : timeToCrimeDays < 3 * 365;
    }
}
