package org.servicehall.query;

import com.mongodb.client.MongoClient;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.web.bind.annotation.RequestParam;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Boundaries of the query side. Views reach MongoDB through the query side's {@code MongoTemplate} only, which sends them to their generation (see
 * {@code ViewGenerations}); a way around it would write to the generation in use while a rebuild builds the next.
 */
@AnalyzeClasses(packages = "org.servicehall.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ViewArchitectureTest {

    @ArchTest
    static final ArchRule viewsUseTheTemplate = noClasses()
            .that().resideOutsideOfPackages("org.servicehall.query.support..", "org.servicehall.query.deadletter..")
            .should().dependOnClassesThat().areAssignableTo(MongoDatabaseFactory.class)
            .orShould().dependOnClassesThat().areAssignableTo(MongoClient.class);

    /** Reads take their query parameters as one {@code @ParameterObject} record (see {@code QueryParameters}). */
    @ArchTest
    static final ArchRule readsTakeParameterObjects = noClasses()
            .should().dependOnClassesThat().areAssignableTo(RequestParam.class);
}
