package dev.pipesrecovery.cloudformation;

import dev.pipesrecovery.testkit.CloudFormationYaml;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** An example parameter file: {@code {"Parameters": {"Name": "value", ...}}} (the format bin/deploy reads). */
final class ExampleFile {

    private ExampleFile() {}

    static Map<String, String> read(Path file) {
        Map<String, Object> doc = CloudFormationYaml.load(Templates.read(file)); // JSON is YAML
        Map<String, String> values = new LinkedHashMap<>();
        Cfn.map(doc.get("Parameters")).forEach((k, v) -> {
            if (!(v instanceof String)) {
                throw new AssertionError(file + ": " + k + " must be a string, as CloudFormation passes it");
            }
            values.put(k, (String) v);
        });
        return values;
    }
}
