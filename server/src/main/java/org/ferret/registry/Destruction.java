package org.ferret.registry;

/** Particulars of a destruction (Protocol art. 6(2)); its date is the event's {@code occurredOn}. */
public record Destruction(String method, String witness, String certificateNumber) {
    public Destruction {
        method = Text.required("destruction.method", method, 200);
        witness = Text.required("destruction.witness", witness, 200);
        certificateNumber = Text.required("destruction.certificateNumber", certificateNumber, 100);
    }
}
