package org.ferret.identity.ui;

import java.util.ArrayList;
import java.util.List;

/** The create-a-user form. */
public class UserForm {
    private String username;
    private String displayName;
    private String password;
    private String agency;
    private List<String> roles = new ArrayList<>();

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getAgency() { return agency; }
    public void setAgency(String agency) { this.agency = agency; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) { this.roles = roles == null ? new ArrayList<>() : roles; }
}
