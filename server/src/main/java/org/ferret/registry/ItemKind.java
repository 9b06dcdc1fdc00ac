package org.ferret.registry;

/** The type of a registered item; each belongs to one {@link ItemCategory}. */
public enum ItemKind {
    PISTOL(ItemCategory.FIREARM),
    REVOLVER(ItemCategory.FIREARM),
    RIFLE(ItemCategory.FIREARM),
    SHOTGUN(ItemCategory.FIREARM),
    SUBMACHINE_GUN(ItemCategory.FIREARM),
    MACHINE_GUN(ItemCategory.FIREARM),
    OTHER_FIREARM(ItemCategory.FIREARM),
    FRAME(ItemCategory.ESSENTIAL_COMPONENT),
    RECEIVER(ItemCategory.ESSENTIAL_COMPONENT),
    BARREL(ItemCategory.ESSENTIAL_COMPONENT),
    SLIDE(ItemCategory.ESSENTIAL_COMPONENT),
    BOLT_OR_BREECH_BLOCK(ItemCategory.ESSENTIAL_COMPONENT),
    CYLINDER(ItemCategory.ESSENTIAL_COMPONENT),
    SUPPRESSOR(ItemCategory.ESSENTIAL_COMPONENT),
    AMMUNITION_LOT(ItemCategory.AMMUNITION_LOT);

    private final ItemCategory category;
    ItemKind(ItemCategory category) {
        this.category = category;
    }

    public ItemCategory category() {
        return category;
    }

    /** The kind in words inside a sentence, e.g. "bolt or breech block" (from the message bundle, see Words). */
    public String label() {
        return org.ferret.shared.Words.lower(this);
    }

    public boolean isFirearm() {
        return category == ItemCategory.FIREARM;
    }

    public boolean isComponent() {
        return category == ItemCategory.ESSENTIAL_COMPONENT;
    }
}
