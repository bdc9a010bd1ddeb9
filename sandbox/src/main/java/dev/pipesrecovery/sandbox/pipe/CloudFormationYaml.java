package dev.pipesrecovery.sandbox.pipe;

import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Loads a CloudFormation template written in YAML. The short-form intrinsics ({@code !Ref}, {@code !Sub},
 * {@code !GetAtt}, ...) are application-specific tags a plain YAML loader rejects; here each becomes the long form
 * ({@code {"Fn::Sub": ...}}, {@code {"Ref": ...}}), which is all a reader of parameter defaults needs.
 */
final class CloudFormationYaml {

    private CloudFormationYaml() {
    }

    static Map<String, Object> load(String yaml) {
        LoaderOptions options = new LoaderOptions();
        Object document = new Yaml(new IntrinsicTolerantConstructor(options)).load(yaml);
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the template is not a YAML mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> template = (Map<String, Object>) map;
        return template;
    }

    private static final class IntrinsicTolerantConstructor extends SafeConstructor {

        IntrinsicTolerantConstructor(LoaderOptions options) {
            super(options);
            this.yamlMultiConstructors.put("!", new Intrinsic());
        }

        private final class Intrinsic extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String name = node.getTag().getValue().substring(1);
                String longName = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(longName, value);
            }
        }
    }
}
