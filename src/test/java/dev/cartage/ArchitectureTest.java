package dev.cartage;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.cartage.web.FieldError;
import dev.cartage.web.Fields;

/**
 * The layering of the main code, which the package-info of each package states in words:
 * <ul>
 *   <li>{@code pipeline}, the engine, imports no feature and nothing of HTTP or HTML;</li>
 *   <li>the features import the engine and the features before them in {@link #FLOW}, never one after;</li>
 *   <li>{@code run} is imported by nobody: it is the edge that composes the features;</li>
 *   <li>{@code web} imports only the engine, and outside the edge only its field reader ({@code Fields},
 *   {@code FieldError}) is used;</li>
 *   <li>{@code pile} is a leaf: it plugs into the extension points of the others, which never import it;</li>
 *   <li>no cycles, between top-level packages nor between sub-packages.</li>
 * </ul>
 */
class ArchitectureTest {

    private static final String ROOT = "dev.cartage";

    /**
     * The features in the order their code may depend on each other: each may import those before it. Sources come
     * after fetch although items flow the other way at first: a sitemap or feed source is expanded by fetching it
     * (with the fetch stage's guard and manners), and a mirror source names fetch's balancing mode. The store comes
     * last: it keeps outcomes and stage snapshots, and no stage knows where the run keeps them.
     */
    private static final List<String> FLOW = List.of("fetch", "source", "marshal", "render", "deliver", "store");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theEngineImportsNoFeatureAndNothingOfHttpOrHtml() {
        noClasses().that().resideInAPackage(ROOT + ".pipeline..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(ROOT + ".pipeline.."))))
                .orShould().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.http..", "org.springframework.boot.web..",
                        "reactor.netty..", "io.netty.handler.codec.http..", "org.jsoup..", "org.thymeleaf..",
                        "org.commonmark..", "com.rometools..")
                .because("the engine runs any four stages on any thread; HTTP, HTML and the features plug into it, "
                        + "so it can be tested and benchmarked without them")
                .check(MAIN);
    }

    /** Every feature but the last, store, which may import all those before it. */
    @ParameterizedTest(name = "{0} imports no feature after it")
    @ValueSource(strings = {"fetch", "source", "marshal", "render", "deliver"})
    void aFeatureImportsOnlyTheFeaturesBeforeItInTheFlow(String feature) {
        List<String> later = FLOW.subList(FLOW.indexOf(feature) + 1, FLOW.size());
        noClasses().that().resideInAPackage(ROOT + "." + feature + "..")
                .should().dependOnClassesThat().resideInAnyPackage(packages(later.stream()
                        .map(name -> name + "..")
                        .toArray(String[]::new)))
                .because("a stage consumes what the stages before it produce, and knows nothing of those after it "
                        + "(order of imports: " + String.join(" < ", FLOW) + ")")
                .check(MAIN);
    }

    @Test
    void nothingButTheApplicationImportsRun() {
        noClasses().that().resideOutsideOfPackages(ROOT, ROOT + ".run..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".run..")
                .because("run is the edge: its controllers and configuration compose the features into runs and "
                        + "hand each feature its settings (LimitsConfiguration), so no feature may reach back into it")
                .check(MAIN);
    }

    @Test
    void webImportsOnlyTheEngine() {
        noClasses().that().resideInAPackage(ROOT + ".web..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                        .and(not(resideInAnyPackage(ROOT + ".web..", ROOT + ".pipeline.."))))
                .because("problem answers learn a feature's words from the exception it throws "
                        + "(FieldRejectedException, InvalidRequestException, ItemFailedException), not by importing it")
                .check(MAIN);
    }

    @Test
    void outsideTheEdgeOnlyRequestReadersUseWebAndOnlyItsFieldReader() {
        noClasses().that().resideOutsideOfPackages(ROOT, ROOT + ".run..", ROOT + ".web..", ROOT + ".pile..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + ".web..")
                        .and(not(JavaClass.Predicates.type(FieldError.class)))
                        .and(not(JavaClass.Predicates.type(Fields.class))))
                .because("the edge is run (controllers, configuration) and pile (the demo origin's own controller and "
                        + "its parameter errors); the source and deliver readers of a request's JSON read it with "
                        + "Fields and report what is wrong as FieldErrors, plain values, and leave turning them into "
                        + "problem answers to the edge")
                .check(MAIN);
    }

    @Test
    void thePileIsALeafThatNoOtherFeatureImports() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".pile..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".pile..")
                .because("the pile contributes its SSRF allow rule (TrustedOrigin), its politeness exemption "
                        + "(PolitenessExemption), its problem wording (FieldRejectedException) and its source form "
                        + "(SourceForm) through extension points the importing side owns")
                .check(MAIN);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void subPackagesHaveNoCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles()
                .because("a sub-package such as fetch.polite or marshal.meta serves its parent and does not import it")
                .check(MAIN);
    }


    private static String[] packages(String... relative) {
        return Arrays.stream(relative)
                .map(name -> ROOT + "." + name)
                .toArray(String[]::new);
    }
}
