package org.ferret.registry;

/** A holder to register. Only the minimum personal data: name, licence or registration number, country. */
public record NewHolder(HolderType type, HolderRole role, String name, String licenceNumber, CountryCode country) {
    public NewHolder {
        if (type == null) {
            throw new InvalidValueException("type", "must be given");
        }
        if (role == null) {
            throw new InvalidValueException("role", "must be given");
        }
        name = Text.required("name", name, 200);
        licenceNumber = Text.optional("licenceNumber", licenceNumber, 60);
        if (role != HolderRole.AGENCY && licenceNumber == null) {
            throw new InvalidValueException("licenceNumber", "dealers and owners are registered with their licence or registration number");
        }
    }
}
