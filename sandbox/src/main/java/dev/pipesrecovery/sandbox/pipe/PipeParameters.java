package dev.pipesrecovery.sandbox.pipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.testkit.CloudFormationYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values the pipe stack would get: each parameter's {@code Default} in {@code cloudformation/pipe.yaml},
 * optionally overlaid with a parameter file in any of the AWS CLI's shapes
 * ({@code [{"ParameterKey":..,"ParameterValue":..}]}, {@code {"Parameters":{..}}}, {@code ["Key=Value"]} or a plain
 * object). So the rehearsal uses the same numbers as the deployment.
 */
public final class PipeParameters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PipeParameters() {}

    /** @throws IllegalArgumentException with the path when a file is missing or malformed */
    public static Map<String, String> resolve(Path pipeTemplate, Path parameterFile) {
        Map<String, String> values = defaults(pipeTemplate);
        if (parameterFile != null) {
            values.putAll(overrides(parameterFile));
        }
        return values;
    }

    static Map<String, String> defaults(Path pipeTemplate) {
        Map<String, Object> template = CloudFormationYaml.load(read(pipeTemplate, "the pipe template"));
        if (!(template.get("Parameters") instanceof Map<?, ?> parameters)) {
            throw new IllegalArgumentException(pipeTemplate + " has no Parameters section");
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        parameters.forEach((name, definition) -> {
            if (definition instanceof Map<?, ?> map && map.get("Default") != null) {
                defaults.put(name.toString(), map.get("Default").toString());
            }
        });
        return defaults;
    }

    static Map<String, String> overrides(Path parameterFile) {
        JsonNode root;
        try {
            root = JSON.readTree(read(parameterFile, "the parameter file"));
        } catch (IOException e) {
            throw new IllegalArgumentException(parameterFile + " is not JSON: " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (root.isObject() && root.has("Parameters") && root.get("Parameters").isObject()) {
            root = root.get("Parameters");
        }
        if (root.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                values.put(field.getKey(), field.getValue().asText());
            }
        } else if (root.isArray()) {
            for (JsonNode item : root) {
                if (item.isObject() && item.has("ParameterKey")) {
                    values.put(
                            item.get("ParameterKey").asText(),
                            item.path("ParameterValue").asText());
                } else if (item.isTextual() && item.asText().contains("=")) {
                    String text = item.asText();
                    values.put(text.substring(0, text.indexOf('=')), text.substring(text.indexOf('=') + 1));
                } else {
                    throw new IllegalArgumentException(parameterFile + ": unrecognised parameter entry " + item);
                }
            }
        } else {
            throw new IllegalArgumentException(parameterFile + ": expected a JSON object or array of parameters");
        }
        return values;
    }

    private static String read(Path path, String what) {
        try {
            return Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(
                    what + " " + path + " does not exist (the sandbox reads the pipe's"
                            + " settings from cloudformation/pipe.yaml so the rehearsal matches the deployment)",
                    e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + path + ": " + e.getMessage(), e);
        }
    }
}
