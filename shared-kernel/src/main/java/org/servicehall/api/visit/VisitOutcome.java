package org.servicehall.api.visit;

/**
 * How a visit ended, judged once it is over; the first rule that holds wins:
 * <ol>
 *     <li>{@link #LEFT_WITHOUT_SERVICE}: it ended with {@link CustomerLeftWithoutService};</li>
 *     <li>{@link #APPOINTMENT}: an appointment was booked during it ({@link AppointmentBooked});</li>
 *     <li>{@link #HANDED_OVER}: the customer was handed over to the back office or transferred to a department and
 *     someone there was reached;</li>
 *     <li>{@link #SELF_SERVED}: never called to a counter, and the last routing sent the customer to self-service;</li>
 *     <li>{@link #SERVED}: otherwise: served at a counter, or helped at the guide desk.</li>
 * </ol>
 * {@link #IN_PROGRESS} until the customer is seen off or leaves.
 */
public enum VisitOutcome {
    IN_PROGRESS,
    SERVED,
    SELF_SERVED,
    HANDED_OVER,
    APPOINTMENT,
    LEFT_WITHOUT_SERVICE
}
