package org.ferret.registry.ui;

/** The fit-a-component form on a firearm's page: the component by serial number or item id. */
public class FitForm {
    private String component;
    private String fittedOn;
    private String fitNote;

    public String getComponent() { return component; }
    public void setComponent(String component) { this.component = component; }
    public String getFittedOn() { return fittedOn; }
    public void setFittedOn(String fittedOn) { this.fittedOn = fittedOn; }
    public String getFitNote() { return fitNote; }
    public void setFitNote(String fitNote) { this.fitNote = fitNote; }
}
