package org.ferret.registry;

/** What any event may say besides its kind's own particulars: where, under which reference, and a note. */
public record Particulars(String place, String reference, String note) {

    public static final Particulars NONE = new Particulars(null, null, null);

    public Particulars {
        place = Text.optional("place", place, 200);
        reference = Text.optional("reference", reference, 100);
        note = Text.multiline("note", note, 2000);
    }

    public static Particulars note(String note) {
        return new Particulars(null, null, note);
    }

    public static Particulars orNone(Particulars p) {
        return p == null ? NONE : p;
    }

    /** These particulars with the amended ones put in. */
    Particulars amendedBy(Amendment a) {
        return new Particulars(a.place() != null ? a.place() : place, a.reference() != null ? a.reference() : reference,
                a.note() != null ? a.note() : note);
    }
}
