/**
 * mdnp's durable state in one SQLite file: {@link dev.mdnp.daemon.store.Store} locks its directory, opens, checks and
 * migrates it and runs every change in one {@link dev.mdnp.daemon.store.Transaction}, whose tables
 * ({@code NetworksTable}, {@code EndpointsTable}, {@code PublishedPortsTable}, {@code PoolsTable},
 * {@code AllocationsTable}) read and write the store's own row records. Every failure is a
 * {@link dev.mdnp.daemon.store.StoreException}.
 *
 * <p>May depend on sqlite-jdbc, the JDK and SLF4J; never on another mdnp package (the persistence package translates
 * the driver's and the IPAM's values to and from the rows). The {@code request_json} columns hold Docker's requests
 * as JSON; see the persistence package for why.
 */
@NullMarked
package dev.mdnp.daemon.store;

import org.jspecify.annotations.NullMarked;
