package dev.pipesrecovery.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** No account id, region, partition or physical name written into a template: stacks deploy anywhere, many times. */
class NoHardCodedValuesTest {

    private static final Pattern ACCOUNT_ID = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");
    private static final Pattern REGION = Pattern.compile(
            "\\b(us|eu|ap|sa|ca|me|af|il|mx|cn)-(gov-)?(north|south|east|west|central|northeast|southeast|northwest|southwest)-[0-9]\\b");
    /** Properties naming a resource account- or region-wide. */
    private static final List<String> NAME_PROPERTIES = List.of(
            "BucketName",
            "QueueName",
            "TopicName",
            "RoleName",
            "FunctionName",
            "LogGroupName",
            "AlarmName",
            "DashboardName",
            "StreamName",
            "PolicyName",
            "Name");

    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{(?!!)[^}]+}");

    @Test
    void noAccountIdRegionOrPartitionInResourcesConditionsOrOutputs() {
        for (Path template : Templates.ALL) {
            Map<String, Object> doc = Templates.load(template);
            List<String> found = new ArrayList<>();
            for (String section : List.of("Resources", "Conditions", "Outputs", "Rules")) {
                Cfn.walk(doc.get(section), node -> {
                    if (node instanceof String s
                            && (ACCOUNT_ID.matcher(s).find()
                                    || REGION.matcher(s).find()
                                    || s.contains("arn:aws:"))) {
                        found.add(section + ": " + s);
                    }
                });
            }
            assertThat(found).as(template.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void physicalNamesComeFromParametersOrTheStackName() {
        for (Path template : Templates.ALL) {
            List<String> literal = new ArrayList<>();
            Cfn.resources(Templates.load(template)).forEach((id, resource) -> {
                Map<String, Object> properties = Cfn.properties(resource);
                for (String property : NAME_PROPERTIES) {
                    Object value = properties.get(property);
                    boolean inline = property.equals("PolicyName") && "AWS::IAM::Role".equals(resource.get("Type"));
                    // an alias name qualifies its function's ARN; it is not an account-wide name
                    boolean qualifier = property.equals("Name") && "AWS::Lambda::Alias".equals(resource.get("Type"));
                    if (value instanceof String && !inline && !qualifier) {
                        literal.add(id + "." + property + " = " + value);
                    } else if (value instanceof Map<?, ?> m
                            && m.get("Fn::Sub") instanceof String s
                            && !SUBSTITUTION.matcher(s).find()) {
                        literal.add(id + "." + property + " = " + s);
                    }
                }
                for (String nested : List.of("DatabaseInput", "TableInput")) {
                    if (properties.get(nested) != null
                            && Cfn.map(properties.get(nested)).get("Name") instanceof String s) {
                        literal.add(id + "." + nested + ".Name = " + s);
                    }
                }
            });
            assertThat(literal)
                    .as(template.getFileName() + " literal physical names")
                    .isEmpty();
        }
    }
}
