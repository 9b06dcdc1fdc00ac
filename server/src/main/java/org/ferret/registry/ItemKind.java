package org.ferret.registry;

/** The type of a registered item; each belongs to one {@link ItemCategory}. */
public enum ItemKind {
    PISTOL(ItemCategory.FIREARM, "pistol"),
    REVOLVER(ItemCategory.FIREARM, "revolver"),
    RIFLE(ItemCategory.FIREARM, "rifle"),
    SHOTGUN(ItemCategory.FIREARM, "shotgun"),
    SUBMACHINE_GUN(ItemCategory.FIREARM, "submachine gun"),
    MACHINE_GUN(ItemCategory.FIREARM, "machine gun"),
    OTHER_FIREARM(ItemCategory.FIREARM, "other firearm"),
    FRAME(ItemCategory.ESSENTIAL_COMPONENT, "frame"),
    RECEIVER(ItemCategory.ESSENTIAL_COMPONENT, "receiver"),
    BARREL(ItemCategory.ESSENTIAL_COMPONENT, "barrel"),
    SLIDE(ItemCategory.ESSENTIAL_COMPONENT, "slide"),
    BOLT_OR_BREECH_BLOCK(ItemCategory.ESSENTIAL_COMPONENT, "bolt or breech block"),
    CYLINDER(ItemCategory.ESSENTIAL_COMPONENT, "cylinder"),
    SUPPRESSOR(ItemCategory.ESSENTIAL_COMPONENT, "suppressor"),
    AMMUNITION_LOT(ItemCategory.AMMUNITION_LOT, "ammunition lot");

    private final ItemCategory category;
    private final String label;

    ItemKind(ItemCategory category, String label) {
        this.category = category;
        this.label = label;
    }

    public ItemCategory category() {
        return category;
    }

    /** Human-readable name, e.g. "bolt or breech block". */
    public String label() {
        return label;
    }

    public boolean isFirearm() {
        return category == ItemCategory.FIREARM;
    }

    public boolean isComponent() {
        return category == ItemCategory.ESSENTIAL_COMPONENT;
    }
}
