package org.servicehall.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A component of a message that holds a customer's personal data (name, phone, account number, free text). It is
 * stored encrypted with the key of the record's {@link DataSubject}; once that customer's data is erased, it reads as
 * erased everywhere ({@code "[erased]"} for a {@code String}, {@code null} for any other type), while the rest of the
 * event stays intact for the audit.
 * <p>
 * The same annotation marks a component of a query-side view or response that holds personal data (usually still
 * sealed): the read API renders it for the caller's role, masked as its {@link #value() kind} says unless the caller
 * may see it in clear.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /** What the value is, which decides how it is masked for those who may not see it in clear. */
    Kind value() default Kind.FREE_TEXT;

    enum Kind {
        /** Masked to its first character: 张三 reads 张*. */
        NAME,
        /** Masked to its first 3 and last 4 characters: 13812341234 reads 138****1234. */
        PHONE,
        /** Masked to its last 4 characters: 0123456789 reads ******6789. */
        ACCOUNT_NUMBER,
        /** Masked entirely: reads ***. The default, since it reveals nothing. */
        FREE_TEXT
    }
}
