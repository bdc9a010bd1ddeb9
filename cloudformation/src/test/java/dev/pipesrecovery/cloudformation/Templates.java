package dev.pipesrecovery.cloudformation;

import dev.pipesrecovery.testkit.CloudFormationYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The module's templates, read from the module directory (the working directory of its tests). */
final class Templates {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path RECOVERY = MODULE.resolve("recovery.yaml");
    static final Path PIPE = MODULE.resolve("pipe.yaml");
    static final Path REPLAY = MODULE.resolve("replay.yaml");
    static final List<Path> ALL = List.of(RECOVERY, PIPE, REPLAY);

    private Templates() {}

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static Map<String, Object> load(Path template) {
        return CloudFormationYaml.load(read(template));
    }

    /**
     * The template as CloudFormation sees it after `aws cloudformation package`: every AWS::Include replaced by the
     * snippet it names (relative to the template), and a local Lambda Code path by an S3 location. A state machine
     * definition's {@code arn:${Partition}:} becomes {@code arn:aws:} (its substitution in the aws partition), so
     * cfn-lint's definition schema checks it without the suppression the source needs.
     */
    static Map<String, Object> packaged(Path template, String codeBucket, String codeKey) {
        Map<String, Object> doc = load(template);
        Object expanded = expandIncludes(doc, template.getParent());
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) expanded;
        for (Map<String, Object> resource : Cfn.resources(result).values()) {
            if ("AWS::Lambda::Function".equals(resource.get("Type"))) {
                Map<String, Object> properties = Cfn.map(resource.get("Properties"));
                if (properties.get("Code") instanceof String) {
                    properties.put("Code", new LinkedHashMap<>(Map.of("S3Bucket", codeBucket, "S3Key", codeKey)));
                    // the suppression of W3002 (local path) no longer applies: lint the packaged form without it
                    resource.remove("Metadata");
                }
            }
            if ("AWS::StepFunctions::StateMachine".equals(resource.get("Type"))) {
                Map<String, Object> properties = Cfn.map(resource.get("Properties"));
                properties.put("Definition", inAwsPartition(properties.get("Definition")));
                resource.remove("Metadata");
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Object inAwsPartition(Object node) {
        if (node instanceof String s) {
            return s.replace("arn:${Partition}:", "arn:aws:");
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, inAwsPartition(v)));
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(Templates::inAwsPartition).toList();
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Object expandIncludes(Object node, Path baseDir) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1
                    && map.get("Fn::Transform") instanceof Map<?, ?> transform
                    && "AWS::Include".equals(transform.get("Name"))) {
                String location = (String) Cfn.map(transform.get("Parameters")).get("Location");
                Path snippet = baseDir.resolve(location).normalize();
                if (!Files.isRegularFile(snippet)) {
                    throw new IllegalStateException(
                            "AWS::Include location " + location + " does not exist: " + snippet);
                }
                return expandIncludes(CloudFormationYaml.load(read(snippet)), snippet.getParent());
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, expandIncludes(v, baseDir)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(expandIncludes(item, baseDir)));
            return copy;
        }
        return node;
    }
}
