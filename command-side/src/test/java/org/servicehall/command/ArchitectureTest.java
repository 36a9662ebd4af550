package org.servicehall.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The boundaries of the command side, after AxonIQ's giftcard-demo. */
@AnalyzeClasses(packages = "org.servicehall", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule messagesDependOnNoFramework = noClasses()
            .that().resideInAPackage("org.servicehall.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                                                                "org.bson..", "org.servicehall.platform..",
                                                                "org.servicehall.command..");

    @ArchTest
    static final ArchRule aggregatesAreHiddenInTheirFeature = classes()
            .that().areAnnotatedWith(Aggregate.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule controllersAreHiddenInTheirFeature = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule featuresDoNotReachIntoEachOther = slices()
            .matching("org.servicehall.command.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule theCommandSideDoesNotTalkToMongoDirectly = noClasses()
            .that().resideInAPackage("org.servicehall.command..")
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.springframework.data.mongodb..");
}
