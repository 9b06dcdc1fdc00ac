package org.ferret.identity.ui;

/** The create-an-API-token form. */
public class TokenForm {
    private String name;
    private String owner;
    private String role;
    private String expiresOn;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getExpiresOn() { return expiresOn; }
    public void setExpiresOn(String expiresOn) { this.expiresOn = expiresOn; }
}
