package org.servicehall.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AggregateRoot;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Makes every aggregate repository refuse a stream of another aggregate type, as one that does not exist.
 * <p>
 * All aggregates share one event store, and an id is only a string: loading a payment's stream into a visit applied
 * events no visit handler knows, left the visit without an identifier and failed with Axon's
 * {@code IncompatibleAggregateException} (a 500); a {@code loadOrCreate} (a cashier's shift) would even have extended
 * the payment's stream with shift events. The repository builds each aggregate from its stream's first event (or
 * snapshot) through its {@link AggregateFactory}, which knows the aggregate type the stream was written by: this
 * wraps every factory bean (Axon's Spring support makes one per aggregate) so that a stream of another type is
 * {@link AggregateOfAnotherType}, a 404 answered before anything is applied or stored.
 */
final class AggregatesOfTheirOwnType implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof AggregateFactory<?> factory && !(bean instanceof OwnTypeOnly<?>)
                ? new OwnTypeOnly<>(factory) : bean;
    }

    static final class OwnTypeOnly<T> implements AggregateFactory<T> {

        private final AggregateFactory<T> delegate;
        private final String type;

        OwnTypeOnly(AggregateFactory<T> delegate) {
            this.delegate = delegate;
            Class<T> aggregate = delegate.getAggregateType();
            // the type Axon writes into the aggregate's events, as its annotated aggregate model declares it
            this.type = AnnotationUtils.<String>findAnnotationAttribute(aggregate, AggregateRoot.class, "type")
                                       .filter(declared -> !declared.isEmpty())
                                       .orElse(aggregate.getSimpleName());
        }

        @Override
        public T createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
            String type = firstEvent.getType();
            if (!this.type.equals(type)) {
                throw new AggregateOfAnotherType(aggregateIdentifier, this.type, type);
            }
            return delegate.createAggregateRoot(aggregateIdentifier, firstEvent);
        }

        @Override
        public Class<T> getAggregateType() {
            return delegate.getAggregateType();
        }
    }
}
