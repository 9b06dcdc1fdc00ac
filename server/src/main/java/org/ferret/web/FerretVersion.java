package org.ferret.web;

/** The version of the running build when no build-info is on the class path (then the jar manifest's, or "dev"). */
final class FerretVersion {

    private FerretVersion() {
    }

    static String fromManifest() {
        String v = FerretVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
