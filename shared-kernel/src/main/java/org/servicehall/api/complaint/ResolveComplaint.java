package org.servicehall.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The handling opinion was given to the complainant: the reply limit is met and the callback limit starts. */
public record ResolveComplaint(@TargetAggregateIdentifier String complaintId,
                               String staffId,
                               String resolution) {
}
