package org.servicehall.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

final class MongoErrors {

    private MongoErrors() {
    }

    /**
     * Whether {@code exception} is a duplicate key on the index over {@code field}. Both MongoDB and the embedded
     * server name the index in the message ({@code index: globalIndex_1 dup key: ...}).
     */
    static boolean isDuplicateKey(Throwable exception, String field) {
        return exception instanceof MongoWriteException e && e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                && namesIndex(e.getMessage(), field);
    }

    private static boolean namesIndex(String message, String field) {
        return message != null && message.contains("index: " + field + "_");
    }
}
