package org.servicehall.api.application;

/** Where a business application stands; the last three are final. */
public enum ApplicationStatus {
    SUBMITTED,
    /** the missing documents were told to the customer, all at once */
    DOCUMENTS_MISSING,
    DOCUMENTS_VERIFIED,
    /** accepted with an application number and a promised completion date */
    ACCEPTED,
    /** moved on to the back office or a department */
    FORWARDED,
    COMPLETED,
    REJECTED,
    WITHDRAWN;

    public boolean isFinal() {
        return this == COMPLETED || this == REJECTED || this == WITHDRAWN;
    }
}
