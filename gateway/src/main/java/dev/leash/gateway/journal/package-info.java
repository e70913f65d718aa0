/**
 * The gateway's journal: a JDBC database (SQLite by default) of everything the loops did. See
 * {@link dev.leash.gateway.journal.Journal} for the durability and threading contract.
 */
package dev.leash.gateway.journal;
