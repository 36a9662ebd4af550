package org.servicehall.platform.calendar;

import org.servicehall.api.complaint.ComplaintLimit;

import java.time.Duration;
import java.time.Instant;

/**
 * A hall's time limits for complaints, counted in working days on its {@link WorkingDayCalendar} (see there for what
 * "within N working days" means). Defaults from State Grid's service commitments (docs/domain.md): contact the complainant
 * within 1 working day of registration, reply with the handling opinion within 7 working days of registration (or
 * reopening), call back within 1 working day of the resolution.
 *
 * @param firstContact  working days for {@link ComplaintLimit#FIRST_CONTACT}
 * @param reply         working days for {@link ComplaintLimit#REPLY}
 * @param callback      working days for {@link ComplaintLimit#CALLBACK}
 * @param warningBefore how long before a limit its warning comes; at most a day, so the warning falls on the last
 *                      working day itself (the default, 12 hours, is noon of that day: the afternoon is left to act)
 */
public record ComplaintTimeLimits(int firstContact, int reply, int callback, Duration warningBefore) {

    public static final ComplaintTimeLimits DEFAULTS = new ComplaintTimeLimits(1, 7, 1, Duration.ofHours(12));

    public ComplaintTimeLimits {
        requireWorkingDays("first-contact", firstContact);
        requireWorkingDays("reply", reply);
        requireWorkingDays("callback", callback);
        if (warningBefore == null || warningBefore.isNegative() || warningBefore.isZero()
                || warningBefore.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("warning-before must be more than 0 and at most 24h, not "
                                                       + warningBefore);
        }
    }

    private static void requireWorkingDays(String limit, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("The " + limit + " limit must be at least 1 working day, not "
                                                       + workingDays);
        }
    }

    public int workingDays(ComplaintLimit limit) {
        return switch (limit) {
            case FIRST_CONTACT -> firstContact;
            case REPLY -> reply;
            case CALLBACK -> callback;
        };
    }

    /**
     * @param from registration (or reopening) for the first contact and the reply, the resolution for the callback
     */
    public TimeLimit limit(WorkingDayCalendar calendar, ComplaintLimit limit, Instant from) {
        Instant dueAt = calendar.endOfWorkingDays(from, workingDays(limit));
        return new TimeLimit(dueAt.minus(warningBefore), dueAt);
    }
}
