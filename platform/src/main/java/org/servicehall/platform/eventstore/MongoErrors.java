package org.servicehall.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;

final class MongoErrors {

    private MongoErrors() {
    }

    /**
     * Whether {@code exception} is a duplicate key on the index over {@code field}. Both MongoDB and the embedded
     * server name the index in the message ({@code index: globalIndex_1 dup key: ...}).
     */
    static boolean isDuplicateKey(Throwable exception, String field) {
        if (exception instanceof MongoWriteException e) {
            return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY && namesIndex(e.getMessage(), field);
        }
        if (exception instanceof MongoBulkWriteException e) {
            return e.getWriteErrors().stream().anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode())
                    == ErrorCategory.DUPLICATE_KEY && namesIndex(error.getMessage(), field));
        }
        return false;
    }

    private static boolean namesIndex(String message, String field) {
        return message != null && message.contains("index: " + field + "_");
    }
}
