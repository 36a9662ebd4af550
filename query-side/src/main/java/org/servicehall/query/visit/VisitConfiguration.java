package org.servicehall.query.visit;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

@Configuration(proxyBeanMethods = false)
class VisitConfiguration {

    /**
     * The search view recomputes a visit's figures from its document after each event, so all events of one visit
     * must be handled by one segment, in order: they are sequenced by the visit id they all carry.
     */
    @Bean
    ConfigurerModule visitSearchSequencing() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(
                VisitSearchProjection.PROCESSING_GROUP, configuration -> BY_VISIT));
    }

    static final SequencingPolicy<EventMessage<?>> BY_VISIT = new SequencingPolicy<>() {

        private final ClassValue<Method> visitIdAccessors = new ClassValue<>() {
            @Override
            protected Method computeValue(Class<?> type) {
                RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
                return Arrays.stream(components).filter(component -> component.getName().equals("visitId"))
                             .map(RecordComponent::getAccessor).findFirst().orElse(null);
            }
        };

        @Override
        public Object getSequenceIdentifierFor(EventMessage<?> event) {
            Method accessor = visitIdAccessors.get(event.getPayloadType());
            Object visitId = null;
            if (accessor != null) {
                try {
                    visitId = accessor.invoke(event.getPayload());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read the visit id of " + event.getPayloadType(), e);
                }
            }
            return visitId != null ? visitId : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
        }
    };
}
