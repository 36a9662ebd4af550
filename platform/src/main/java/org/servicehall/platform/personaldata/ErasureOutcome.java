package org.servicehall.platform.personaldata;

/** What erasing a customer's personal data did. */
public enum ErasureOutcome {
    /** Their key is gone: everything sealed with it now reads as erased. */
    ERASED,
    /** They had been erased before; nothing changed. */
    ALREADY_ERASED,
    /** No personal data was ever stored for them (no key exists); nothing changed. */
    UNKNOWN_CUSTOMER
}
