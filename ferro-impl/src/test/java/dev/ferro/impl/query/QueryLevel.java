package dev.ferro.impl.query;

/** A seniority stored by name. */
public enum QueryLevel {
    JUNIOR, SENIOR, LEAD
}
