package org.servicehall.query.support;

import org.servicehall.platform.web.InvalidField;

import java.util.List;

/**
 * Query parameters (a {@code @ParameterObject} record) with rules over several of them, such as a range of days: the
 * rules are reported in the same 400 as every other invalid parameter (see {@link QueryParameters}).
 */
public interface CheckedTogether {

    /**
     * What is wrong with the parameters taken together. A parameter that was invalid on its own is null here, so rules
     * skip what is null.
     *
     * @param time for rules about the hall's today
     */
    List<InvalidField> invalidTogether(HallTime time);
}
