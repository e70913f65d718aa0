/**
 * The gateway's journal: a JDBC database (SQLite by default) of everything the loops did. See
 * {@link dev.leash.journal.Journal} for the durability and threading contract.
 */
package dev.leash.journal;
