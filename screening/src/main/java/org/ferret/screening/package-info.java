/**
 * Parcel and customs declaration screening: profiles, risk indicators, learned models, selection and evaluation.
 * Plain Java (no Spring) so that the server, the CLI and a stream processor run the same code.
 */
package org.ferret.screening;
