package dev.pipesrecovery.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads CloudFormation YAML into plain (mutable, ordered) maps and lists, turning the short-form intrinsic tags into
 * their long form ({@code !Sub x} becomes {@code {Fn::Sub: x}}, {@code !GetAtt A.B} becomes {@code {Fn::GetAtt: [A, B]}})
 * so readers see one shape whichever form a template uses, and writes long-form YAML back (for cfn-lint and moto).
 * Timestamps are not resolved: CloudFormation keeps {@code 2024-01-01} a string.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 */
public final class CloudFormationYaml {

    private static final List<String> FUNCTIONS = List.of(
            "And",
            "Base64",
            "Cidr",
            "Contains",
            "EachMemberEquals",
            "EachMemberIn",
            "Equals",
            "FindInMap",
            "GetAZs",
            "If",
            "ImportValue",
            "Join",
            "Length",
            "Not",
            "Or",
            "RefAll",
            "Select",
            "Split",
            "Sub",
            "ToJsonString",
            "Transform",
            "ValueOf",
            "ValueOfAll",
            "GetAtt");
    private static final int MAX_TEMPLATE_CODE_POINTS = 10 * 1024 * 1024;

    private CloudFormationYaml() {}

    /** @throws IllegalArgumentException when the document is not a YAML mapping */
    public static Map<String, Object> load(String yaml) {
        LoaderOptions loaderOptions = new LoaderOptions();
        loaderOptions.setCodePointLimit(MAX_TEMPLATE_CODE_POINTS);
        Object loaded = new Yaml(
                        new IntrinsicConstructor(loaderOptions),
                        new Representer(dumperOptions()),
                        dumperOptions(),
                        loaderOptions,
                        new NoTimestampResolver())
                .load(yaml);
        if (!(loaded instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("the template is not a YAML mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> template = (Map<String, Object>) loaded;
        return template;
    }

    /** Long-form YAML of a document read by {@link #load}. */
    public static String dump(Object document) {
        return new Yaml(dumperOptions()).dump(document);
    }

    private static DumperOptions dumperOptions() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(4096);
        return options;
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    // !GetAtt Resource.Attribute is the short form of [Resource, Attribute]
                    value = key.equals("Fn::GetAtt") ? List.of(text.split("\\.", 2)) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> intrinsic = new LinkedHashMap<>();
                intrinsic.put(key, value);
                return intrinsic;
            }
        }
    }

    /** The YAML 1.1 resolver without implicit timestamps. */
    private static final class NoTimestampResolver extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }
}
