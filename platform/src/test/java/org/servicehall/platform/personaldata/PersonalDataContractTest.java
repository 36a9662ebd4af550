package org.servicehall.platform.personaldata;

import org.junit.jupiter.api.Test;
import org.servicehall.api.DataSubject;
import org.servicehall.api.PersonalData;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The messages keep to the personal-data contract, so no event fails to store (or stores personal data in clear) at
 * run time: every record with a {@code @PersonalData} component has exactly one {@code @DataSubject}, a String.
 */
class PersonalDataContractTest {

    @Test
    void everyMessageWithPersonalDataNamesItsDataSubject() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Record.class));
        List<String> broken = new ArrayList<>();
        int messages = 0;
        for (var definition : scanner.findCandidateComponents("org.servicehall.api")) {
            Class<?> type = Class.forName(definition.getBeanClassName());
            messages++;
            RecordComponent[] components = type.getRecordComponents();
            boolean personal = Arrays.stream(components).anyMatch(c -> c.isAnnotationPresent(PersonalData.class));
            List<RecordComponent> subjects = Arrays.stream(components)
                                                   .filter(c -> c.isAnnotationPresent(DataSubject.class)).toList();
            if (personal && (subjects.size() != 1 || subjects.get(0).getType() != String.class)) {
                broken.add(type.getName());
            }
        }

        assertThat(messages).as("records found in the shared kernel").isPositive();
        assertThat(broken).as("records with @PersonalData but not exactly one String @DataSubject").isEmpty();
    }
}
