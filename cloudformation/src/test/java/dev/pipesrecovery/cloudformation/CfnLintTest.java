package dev.pipesrecovery.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.testkit.CfnLint;
import dev.pipesrecovery.testkit.CloudFormationYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every template lints without a finding, informational ones included ({@code --include-checks I}), as written and
 * as `package` turns it.
 */
class CfnLintTest {

    @BeforeAll
    static void cfnLintInstalled() {
        CfnLint.requireInstalled();
    }

    @Test
    void sourceTemplatesLintClean() {
        CfnLint.Result result = CfnLint.lint(Templates.ALL);
        assertThat(result.clean())
                .as("cfn-lint %s exited %d:%n%s", Templates.ALL, result.exitCode(), result.output())
                .isTrue();
    }

    /** cfn-lint does not look inside AWS::Include, and the packaged Code has no suppression: lint that form too. */
    @Test
    void packagedTemplatesWithIncludesExpandedLintClean(@TempDir Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path template : Templates.ALL) {
            Map<String, Object> packaged = Templates.packaged(template, "artifact-bucket", "hydrate/abc.jar");
            assertThat(CloudFormationYaml.dump(packaged)).doesNotContain("AWS::Include");
            Path file = dir.resolve("packaged-" + template.getFileName());
            Files.writeString(file, CloudFormationYaml.dump(packaged));
            files.add(file);
        }
        CfnLint.Result result = CfnLint.lint(files);
        assertThat(result.clean())
                .as("cfn-lint of packaged templates exited %d:%n%s", result.exitCode(), result.output())
                .isTrue();
    }

    @Test
    void theLinterCatchesABrokenTemplate(@TempDir Path dir) throws IOException {
        // Guards the guard: a wrong runtime and a missing pipe target must fail, or the tests above prove nothing.
        String broken = Templates.read(Templates.RECOVERY).replace("Runtime: java21", "Runtime: java99");
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, broken);
        CfnLint.Result result = CfnLint.lint(List.of(file));
        assertThat(result.hasErrors()).as(result.output()).isTrue();
        assertThat(result.output()).contains("java99");
    }

    /** The replay definition is checked against cfn-lint's States Language schema in its packaged form. */
    @Test
    void theLinterCatchesABrokenReplayDefinition(@TempDir Path dir) throws IOException {
        Map<String, Object> packaged = Templates.packaged(Templates.REPLAY, "artifact-bucket", "unused.jar");
        String broken =
                CloudFormationYaml.dump(packaged).replace("ToleratedFailureCountPath", "ToleratedFailureCountPth");
        Path file = dir.resolve("broken-replay.yaml");
        Files.writeString(file, broken);
        CfnLint.Result result = CfnLint.lint(List.of(file));
        assertThat(result.hasErrors()).as(result.output()).isTrue();
        assertThat(result.output()).contains("E3601").contains("ToleratedFailureCountPth");
    }

    @Test
    void everySuppressionIsCommentedNextToItsResource() {
        for (Path template : Templates.ALL) {
            List<String> lines = Templates.read(template).lines().toList();
            List<String> uncommented = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("ignore_checks")) {
                    boolean commented = lines.get(i).contains("#")
                            || (i > 0 && lines.get(i - 1).strip().startsWith("#"));
                    if (!commented) {
                        uncommented.add(template.getFileName() + ":" + (i + 1));
                    }
                }
            }
            assertThat(uncommented)
                    .as("ignore_checks without a comment saying why")
                    .isEmpty();
            // suppressions live in a resource's Metadata, never template-wide
            Map<String, Object> metadata = Templates.load(template).get("Metadata") == null
                    ? Map.of()
                    : Cfn.map(Templates.load(template).get("Metadata"));
            assertThat(metadata).doesNotContainKey("cfn-lint");
        }
    }
}
