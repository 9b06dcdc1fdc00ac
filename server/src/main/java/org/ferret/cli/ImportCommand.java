package org.ferret.cli;

import picocli.CommandLine.Command;

/** {@code ferret import items FILE.csv}: bulk import into the registry. */
@Command(name = "import", description = "Bulk imports.")
class ImportCommand {
}
