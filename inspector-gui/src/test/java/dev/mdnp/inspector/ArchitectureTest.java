package dev.mdnp.inspector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The inspector's layering (docs/architecture.md, "inspector-gui layers"), checked on the compiled classes: only
 * {@code view}, {@code theme} and {@code app} know JavaFX's scene graph, so everything else is testable without a
 * toolkit, and dependencies point one way.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.mdnp.inspector";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void clientModelAndFilterKnowNoJavaFx() {
        noClasses().that().resideInAnyPackage(ROOT + ".client..", ROOT + ".model..", ROOT + ".filter..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void viewModelsAndStoreKnowNoSceneGraph() {
        noClasses().that().resideInAnyPackage(ROOT + ".viewmodel..", ROOT + ".store..", ROOT + ".export..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..", "atlantafx..")
                .check(CLASSES);
    }

    @Test
    void lowerLayersDoNotKnowTheUpperOnes() {
        noClasses().that().resideInAnyPackage(ROOT + ".client..", ROOT + ".model..", ROOT + ".filter..",
                        ROOT + ".store..", ROOT + ".export..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".viewmodel..", ROOT + ".view..",
                        ROOT + ".app..", ROOT + ".theme..")
                .check(CLASSES);
        noClasses().that().resideInAPackage(ROOT + ".viewmodel..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".view..", ROOT + ".app..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage(ROOT + ".view..", ROOT + ".theme..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".app..")
                .check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
