/**
 * Print-file screening as a service (issue 16; UN paper recs. 3 and 4): printing services send a 3D-printing file
 * and get a verdict (allow, review, block or error) with its evidence, screened by the library
 * {@code org.ferret.printfiles} (Maven module {@code ferret-prints}) against the current fingerprint library of known
 * parts kept here. Review and block go into a queue for print reviewers, who record a decision. Privacy: an allowed
 * file leaves only its audit entry; a held file's hash, fingerprint and evidence are kept, its bytes only until the
 * reviewer decides to discard them or keep them as evidence. A node can subscribe to another node's library over
 * the signed exchange, and unsubscribe ({@link org.ferret.prints.LibrarySubscriptions}, {@code internal.LibraryExchange}).
 * <p>
 * Public API: {@link org.ferret.prints.PrintScreening}, {@link org.ferret.prints.KnownParts},
 * {@link org.ferret.prints.LibrarySubscriptions}, {@link org.ferret.prints.Reviews} and their value types.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Prints", allowedDependencies = {"audit", "exchange", "shared"})
package org.ferret.prints;
