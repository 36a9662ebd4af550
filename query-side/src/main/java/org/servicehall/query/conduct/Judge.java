package org.servicehall.query.conduct;

import org.servicehall.platform.calendar.WorkingDayCalendar;

import java.util.List;

/**
 * Judges the rules of one kind of aggregate on what the audit has seen of it. It returns every verdict decided so far
 * and must decide each from the events up to its deciding one only, so that later events never change it.
 */
interface Judge {

    List<Verdict> judge(Subject subject, AuditSettings settings, WorkingDayCalendar calendar);
}
