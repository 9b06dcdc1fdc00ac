package org.ferret.registry.ui;

/** The register-a-holder form: only the minimum personal data. */
public class HolderForm {
    private String type = "";
    private String role = "";
    private String name;
    private String licenceNumber;
    private String country;

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getLicenceNumber() { return licenceNumber; }
    public void setLicenceNumber(String licenceNumber) { this.licenceNumber = licenceNumber; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
}
