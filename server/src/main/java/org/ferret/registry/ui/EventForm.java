package org.ferret.registry.ui;

/** The record-an-event form; which particulars count depends on the type. */
public class EventForm {
    private String type = "";
    private String occurredOn;
    private String place;
    private String reference;
    private String note;
    private String country;
    private String holder;
    private String corrects;
    private String reason;
    private String correction = "WITHDRAW";
    private String amendOccurredOn;
    private String amendCountry;
    private String amendHolder;
    private String deactivationCertificate;
    private String deactivationStandard;
    private String deactivationAuthority;
    private String deactivationMark;
    private String destructionMethod;
    private String destructionWitness;
    private String destructionCertificate;
    private String authorisation;
    private String standardFacts;
    private String toCountry;
    private String until;

    public String getAuthorisation() { return authorisation; }
    public String getStandardFacts() { return standardFacts; }
    public void setStandardFacts(String s) { this.standardFacts = s; }
    public void setAuthorisation(String s) { this.authorisation = s; }
    public String getToCountry() { return toCountry; }
    public void setToCountry(String s) { this.toCountry = s; }
    public String getUntil() { return until; }
    public void setUntil(String s) { this.until = s; }

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getOccurredOn() { return occurredOn; }
    public void setOccurredOn(String occurredOn) { this.occurredOn = occurredOn; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getHolder() { return holder; }
    public void setHolder(String holder) { this.holder = holder; }
    public String getCorrects() { return corrects; }
    public void setCorrects(String corrects) { this.corrects = corrects; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getCorrection() { return correction; }
    public void setCorrection(String correction) { this.correction = correction; }
    public String getAmendOccurredOn() { return amendOccurredOn; }
    public void setAmendOccurredOn(String s) { this.amendOccurredOn = s; }
    public String getAmendCountry() { return amendCountry; }
    public void setAmendCountry(String s) { this.amendCountry = s; }
    public String getAmendHolder() { return amendHolder; }
    public void setAmendHolder(String s) { this.amendHolder = s; }
    public String getDeactivationCertificate() { return deactivationCertificate; }
    public void setDeactivationCertificate(String s) { this.deactivationCertificate = s; }
    public String getDeactivationStandard() { return deactivationStandard; }
    public void setDeactivationStandard(String s) { this.deactivationStandard = s; }
    public String getDeactivationAuthority() { return deactivationAuthority; }
    public void setDeactivationAuthority(String s) { this.deactivationAuthority = s; }
    public String getDeactivationMark() { return deactivationMark; }
    public void setDeactivationMark(String s) { this.deactivationMark = s; }
    public String getDestructionMethod() { return destructionMethod; }
    public void setDestructionMethod(String s) { this.destructionMethod = s; }
    public String getDestructionWitness() { return destructionWitness; }
    public void setDestructionWitness(String s) { this.destructionWitness = s; }
    public String getDestructionCertificate() { return destructionCertificate; }
    public void setDestructionCertificate(String s) { this.destructionCertificate = s; }
}
