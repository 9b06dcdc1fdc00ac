package org.ferret.registry.ui;

/** The add-a-marking form on the item page: one marking and the day it was applied. */
public class AddMarkingForm {
    private MarkingForm marking = new MarkingForm("AUTHORITY_APPLIED");
    private String markedOn;

    public MarkingForm getMarking() { return marking; }
    public void setMarking(MarkingForm marking) { this.marking = marking; }
    public String getMarkedOn() { return markedOn; }
    public void setMarkedOn(String markedOn) { this.markedOn = markedOn; }
}
