package org.servicehall.query.support;

import org.axonframework.messaging.responsetypes.AbstractResponseType;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.concurrent.Future;

import static org.axonframework.common.ReflectionUtils.unwrapIfType;

/**
 * Asks for a {@code Page<T>} from a query handler. Axon's own response types match a handler's generic return type
 * only for collections, so a handler returning {@code Page<ComplaintFollowUp>} needs this one.
 */
final class PageResponseType<T> extends AbstractResponseType<Page<T>> {

    PageResponseType(Class<T> itemType) {
        super(itemType);
    }

    @Override
    public boolean matches(Type responseType) {
        Type unwrapped = unwrapIfType(responseType, Future.class, Optional.class);
        return unwrapped instanceof ParameterizedType parameterized && parameterized.getRawType() == Page.class
                && isParameterizedTypeOfExpectedType(parameterized);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Page<T>> responseMessagePayloadType() {
        return (Class) Page.class;
    }
}
