package org.ferret.standards;

/**
 * The item types a requirement applies to: the eight firearm types of EU Implementing Regulation 2015/2403 Annex I
 * Table I, alarm and signal weapons (Directive 2019/69) and partially complete frames or receivers (27 CFR 478.12(c)).
 */
public enum FirearmType {
    PISTOL, REVOLVER, SINGLE_SHOT_LONG, BREAK_ACTION, REPEATING_LONG, SEMI_AUTOMATIC_LONG, AUTOMATIC, MUZZLE_LOADING,
    ALARM_WEAPON, PARTIAL_FRAME_OR_RECEIVER;

    /** The eight firearm types of the deactivation tables. */
    public static final java.util.List<FirearmType> DEACTIVATION_TYPES = java.util.List.of(PISTOL, REVOLVER,
            SINGLE_SHOT_LONG, BREAK_ACTION, REPEATING_LONG, SEMI_AUTOMATIC_LONG, AUTOMATIC, MUZZLE_LOADING);

    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
