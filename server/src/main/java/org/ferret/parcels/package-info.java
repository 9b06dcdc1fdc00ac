/**
 * Parcel screening as a service (UN paper §III.A.1, paras 12–22, recs. 7, 19, 20): postal and courier operators
 * send advance data for inbound, outbound and transit items and get a decision per item on arrival (hold for
 * inspection or release), scored with the screening library ({@code org.ferret.screening}) under the active model
 * and rule pack of the item's profile, and selected online against the day's capacity of its screening site.
 * Analysts work the queue, inspectors record outcomes; a firearm, component or ammunition outcome registers the
 * seized item in the registry in the same transaction.
 * <p>
 * A declaration naming a licence (CN23 box 12) is checked against it through {@code licensing} (issue 13).
 * <p>
 * Public API: {@link org.ferret.parcels.ParcelScreening}, {@link org.ferret.parcels.DeclarationReader} and their
 * value types.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Parcels", allowedDependencies = {"registry", "licensing", "audit", "identity", "shared"})
package org.ferret.parcels;
