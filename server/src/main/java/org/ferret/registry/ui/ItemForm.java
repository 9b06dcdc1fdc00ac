package org.ferret.registry.ui;

import java.util.ArrayList;
import java.util.List;

/** The register-an-item form: the item's attributes, how it came on record, and up to two markings. */
public class ItemForm {
    private String kind = "";
    private String manufacturer;
    private String model;
    private String calibre;
    private String countryOfManufacture;
    private String yearOfManufacture;
    private String construction;
    private String quantity;
    private String externalRef;
    private String initialEventType = "";
    private String initialEventOn;
    private String initialEventCountry;
    private String initialEventPlace;
    private String initialEventReference;
    private List<MarkingForm> markings = new ArrayList<>(List.of(new MarkingForm("MANUFACTURE"), new MarkingForm("IMPORT")));

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getManufacturer() { return manufacturer; }
    public void setManufacturer(String manufacturer) { this.manufacturer = manufacturer; }
    public String getModel() { return model; }
    public void setModel(String model) { this.model = model; }
    public String getCalibre() { return calibre; }
    public void setCalibre(String calibre) { this.calibre = calibre; }
    public String getCountryOfManufacture() { return countryOfManufacture; }
    public void setCountryOfManufacture(String c) { this.countryOfManufacture = c; }
    public String getYearOfManufacture() { return yearOfManufacture; }
    public void setYearOfManufacture(String y) { this.yearOfManufacture = y; }
    public String getConstruction() { return construction; }
    public void setConstruction(String construction) { this.construction = construction; }
    public String getQuantity() { return quantity; }
    public void setQuantity(String quantity) { this.quantity = quantity; }
    public String getExternalRef() { return externalRef; }
    public void setExternalRef(String externalRef) { this.externalRef = externalRef; }
    public String getInitialEventType() { return initialEventType; }
    public void setInitialEventType(String t) { this.initialEventType = t; }
    public String getInitialEventOn() { return initialEventOn; }
    public void setInitialEventOn(String d) { this.initialEventOn = d; }
    public String getInitialEventCountry() { return initialEventCountry; }
    public void setInitialEventCountry(String c) { this.initialEventCountry = c; }
    public String getInitialEventPlace() { return initialEventPlace; }
    public void setInitialEventPlace(String p) { this.initialEventPlace = p; }
    public String getInitialEventReference() { return initialEventReference; }
    public void setInitialEventReference(String r) { this.initialEventReference = r; }
    public List<MarkingForm> getMarkings() { return markings; }
    public void setMarkings(List<MarkingForm> markings) { this.markings = markings; }
}
