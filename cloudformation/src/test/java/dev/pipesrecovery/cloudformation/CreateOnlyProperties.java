package dev.pipesrecovery.cloudformation;

import dev.pipesrecovery.testkit.CfnLint;
import dev.pipesrecovery.testkit.CloudFormationYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The create-only properties of a resource type (changing one replaces the resource), from the CloudFormation
 * registry schemas that cfn-lint ships (the same source as the service's own "Update requires: Replacement").
 */
final class CreateOnlyProperties {

    private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();
    private static Path schemas;

    private CreateOnlyProperties() {}

    /** JSON pointers such as {@code /properties/SourceParameters/KinesisStreamParameters/StartingPosition}. */
    static List<String> of(String resourceType) {
        return CACHE.computeIfAbsent(resourceType, CreateOnlyProperties::load);
    }

    private static List<String> load(String resourceType) {
        Path dir = schemaDir();
        Matcher hash = Pattern.compile("\"" + Pattern.quote(resourceType) + "\": \"([0-9a-f]+)\"")
                .matcher(Templates.read(dir.resolve("providers/us_east_1.py")));
        if (!hash.find()) {
            throw new AssertionError("cfn-lint has no schema for " + resourceType);
        }
        Map<String, Object> schema =
                CloudFormationYaml.load(Templates.read(dir.resolve("resources/" + hash.group(1) + ".json")));
        Object createOnly = schema.get("createOnlyProperties");
        return createOnly == null
                ? List.of()
                : Cfn.oneOrMany(createOnly).stream().map(String::valueOf).toList();
    }

    private static synchronized Path schemaDir() {
        if (schemas == null) {
            CfnLint.Result located = CfnLint.run(
                    List.of("python3", "-c", "import cfnlint, os; print(os.path.dirname(cfnlint.__file__))"));
            Path dir = Path.of(located.output().strip()).resolve("data/schemas");
            if (located.exitCode() != 0 || !Files.isDirectory(dir)) {
                throw new AssertionError(CfnLint.MISSING + " (python3 cannot import cfnlint: "
                        + located.output().strip() + ")");
            }
            schemas = dir;
        }
        return schemas;
    }
}
