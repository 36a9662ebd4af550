package org.servicehall.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A component of a message that holds a customer's personal data (name, phone, account number, free text). It is
 * stored encrypted with the key of the record's {@link DataSubject}; once that customer's data is erased, it reads as
 * erased everywhere, while the rest of the event stays intact for the audit.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {
}
