package io.github.fastapidocker.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.github.fastapidocker.docker.UpwardImportFixture;
import io.github.fastapidocker.docker.dockerjava.DockerJavaEngine;
import io.github.fastapidocker.maven.MavenHints;
import org.junit.jupiter.api.Test;

/**
 * The picture in the README, as a rule: {@code maven} → feature packages → the shared kernel and
 * the engine port; nothing imports upward, and the engine port imports nothing of ours.
 */
class ArchitectureTest {
    private static final String ROOT = "io.github.fastapidocker";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** Who may use whom. A layer not named as a user may not be used by anyone else. */
    static ArchRule layers() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage(ROOT + "..")
                .layer("maven")
                .definedBy(ROOT + ".maven..")
                .layer("smoke")
                .definedBy(ROOT + ".smoke..")
                .layer("push")
                .definedBy(ROOT + ".push..")
                .layer("build")
                .definedBy(ROOT + ".build..")
                .layer("auth")
                .definedBy(ROOT + ".auth..")
                .layer("dockerfile")
                .definedBy(ROOT + ".dockerfile..")
                .layer("project")
                .definedBy(ROOT + ".project..")
                .layer("kernel")
                .definedBy(ROOT + ".kernel..")
                .layer("docker")
                .definedBy(ROOT + ".docker..")
                .whereLayer("maven")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("smoke")
                .mayOnlyBeAccessedByLayers("maven")
                .whereLayer("push")
                .mayOnlyBeAccessedByLayers("maven")
                .whereLayer("build")
                .mayOnlyBeAccessedByLayers("maven", "smoke", "push")
                .whereLayer("auth")
                .mayOnlyBeAccessedByLayers("maven", "push")
                .whereLayer("dockerfile")
                .mayOnlyBeAccessedByLayers("maven", "smoke", "build")
                .whereLayer("project")
                .mayOnlyBeAccessedByLayers("maven", "build", "dockerfile")
                .whereLayer("kernel")
                .mayOnlyBeAccessedByLayers("maven", "smoke", "push", "build", "auth", "dockerfile", "project")
                .whereLayer("docker")
                .mayOnlyBeAccessedByLayers("maven", "smoke", "push", "build", "auth");
    }

    @Test
    void dependenciesPointOneWay() {
        layers().check(MAIN);
    }

    @Test
    void theEnginePortImportsNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".docker..")
                .should()
                .dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(ROOT + ".docker.."))))
                .check(MAIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
    }

    /** The rule is not one that cannot fail: a port class that imports the Maven layer breaks it. */
    @Test
    void anUpwardImportFailsTheRule() {
        JavaClasses withViolation = new ClassFileImporter()
                .importClasses(UpwardImportFixture.class, MavenHints.class, DockerJavaEngine.class);
        AssertionError e = assertThrows(AssertionError.class, () -> layers().check(withViolation));
        assertTrue(e.getMessage().contains(UpwardImportFixture.class.getName()), e.getMessage());
    }
}
