package dev.journeys.jdbc.contract;

/**
 * The storage contract: the behaviour every database the SDK supports must show, identically.
 * Subclasses name the database; the tests live in the chain of contract classes above this one.
 */
public abstract class StorageContract extends ForgedSourceContract {
}
