package org.servicehall.platform.values;

import java.util.regex.Pattern;

/**
 * What an id is, wherever one is sent: staff, hall, client and customer ids, in bodies, headers and query parameters.
 * One canonical alphabet, so that two ids that look alike are the same id or one of them is refused: lower-case ASCII
 * letters, digits and {@code . _ : @ -}, 1 to 64 of them, starting with a letter or digit. No upper case (is
 * {@code Supervisor-01} someone else than {@code supervisor-01}?), no spaces, no control or invisible characters
 * (a zero-width space would make a look-alike), no trimming (what is sent is the id).
 */
public final class Ids {

    /** The regular expression an id matches, whole. */
    public static final String PATTERN = "[a-z0-9][a-z0-9._:@-]{0,63}";
    /** What an invalid id is told, in a 400. */
    public static final String RULE = "must be 1 to 64 of a-z, 0-9 and . _ : @ - (lower case, starting with a letter "
            + "or digit)";

    private static final Pattern ID = Pattern.compile(PATTERN);

    private Ids() {
    }

    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
