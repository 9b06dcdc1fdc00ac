/**
 * Executable technical standards (UN paper §III.C; Protocol arts. 6(2), 7, 8, 9): standard packs as versioned text
 * ({@code docs/standards.md}), loaded and validated with errors by line, evaluated per requirement (met, not met,
 * undecided) citing the paragraph, compared across standards (the para 46 loophole) and diffed between versions.
 * <p>
 * Public API: {@link org.ferret.standards.StandardPack}, {@link org.ferret.standards.Assessor},
 * {@link org.ferret.standards.StandardPacks} (the shipped packs), {@link org.ferret.standards.Comparison},
 * {@link org.ferret.standards.PackDiff}, {@link org.ferret.standards.Assessments} (stored, audited),
 * {@link org.ferret.standards.UploadedPacks} (packs uploaded at run time: stored, audited, read again at start). The registry asks
 * this module about every deactivation through {@link org.ferret.registry.DeactivationControl}
 * ({@code internal.DeactivationGate}): it needs a passing assessment of the item under the standard version it names.
 * It asks about the import of an item deactivated abroad or of an alarm weapon through
 * {@link org.ferret.registry.ImportedItemControl} ({@code internal.ImportGate}: this state's standard applies, para 46);
 * a seized semi-finished frame or receiver gets an undecided assessment for a person ({@code internal.SemiFinishedReviews},
 * {@link org.ferret.standards.ItemStandards}).
 * The registry's art. 8 marking rules are the requirements of the {@code un-protocol-art-8} pack, evaluated for it
 * through {@link org.ferret.registry.MarkingRules} ({@code internal.PackMarkingRules}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Technical standards",
        allowedDependencies = {"registry", "audit", "shared"})
package org.ferret.standards;
