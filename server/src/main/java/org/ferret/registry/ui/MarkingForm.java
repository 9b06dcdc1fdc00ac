package org.ferret.registry.ui;

/** The fields of one marking as typed into a form (all text, so bad input can be shown back as typed). */
public class MarkingForm {
    private String kind = "";
    private String manufacturer;
    private String countryOrPlace;
    private String serialNumber;
    private String year;
    private String importCountry;
    private String importYear;
    private String model;
    private String calibre;
    private String geometricSymbols;
    private String symbolCode;
    private String location;
    private String method;

    public MarkingForm() {
    }

    MarkingForm(String kind) {
        this.kind = kind;
    }

    /** True when nothing but (perhaps) the kind was filled in: the row is left out. */
    public boolean blank() {
        for (String s : new String[] {manufacturer, countryOrPlace, serialNumber, year, importCountry, importYear,
                model, calibre, geometricSymbols, symbolCode, location, method}) {
            if (s != null && !s.isBlank()) {
                return false;
            }
        }
        return true;
    }

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getManufacturer() { return manufacturer; }
    public void setManufacturer(String manufacturer) { this.manufacturer = manufacturer; }
    public String getCountryOrPlace() { return countryOrPlace; }
    public void setCountryOrPlace(String countryOrPlace) { this.countryOrPlace = countryOrPlace; }
    public String getSerialNumber() { return serialNumber; }
    public void setSerialNumber(String serialNumber) { this.serialNumber = serialNumber; }
    public String getYear() { return year; }
    public void setYear(String year) { this.year = year; }
    public String getImportCountry() { return importCountry; }
    public void setImportCountry(String importCountry) { this.importCountry = importCountry; }
    public String getImportYear() { return importYear; }
    public void setImportYear(String importYear) { this.importYear = importYear; }
    public String getModel() { return model; }
    public void setModel(String model) { this.model = model; }
    public String getCalibre() { return calibre; }
    public void setCalibre(String calibre) { this.calibre = calibre; }
    public String getGeometricSymbols() { return geometricSymbols; }
    public void setGeometricSymbols(String geometricSymbols) { this.geometricSymbols = geometricSymbols; }
    public String getSymbolCode() { return symbolCode; }
    public void setSymbolCode(String symbolCode) { this.symbolCode = symbolCode; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
}
