package dev.pipesrecovery.dashboards;

import com.datadog.api.client.AbstractOpenApiSchema;
import com.datadog.api.client.JSON;
import com.datadog.api.client.ModelEnum;
import com.datadog.api.client.UnparsedObject;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * Deserializes Datadog JSON with the official API client models and then walks the result, because the client is
 * lenient: unknown keys land in {@code additionalProperties}, a bad enum value becomes an invalid {@link ModelEnum},
 * and a widget that matches no schema becomes an {@link UnparsedObject}. Each of those is reported with its path.
 */
final class StrictModelWalker {
    private static final String MODEL_PACKAGE = "com.datadog.api.client";

    private final List<String> problems = new ArrayList<>();
    private final Map<Object, Boolean> seen = new IdentityHashMap<>();

    private StrictModelWalker() {}

    /** The problems in {@code json} read as {@code type}; empty when it is valid. Missing required keys throw. */
    static <T> List<String> problems(String json, Class<T> type) {
        T model;
        try {
            model = new JSON().getMapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            return List.of("$: rejected by the client model: " + e.getOriginalMessage());
        }
        StrictModelWalker walker = new StrictModelWalker();
        walker.walk("$", model);
        return List.copyOf(walker.problems);
    }

    private void walk(String path, Object value) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof JsonNullable<?> nullable) {
            if (nullable.isPresent()) {
                walk(path, nullable.get());
            }
        } else if (value instanceof ModelEnum<?> modelEnum) {
            if (!modelEnum.isValid()) {
                problems.add(path + ": invalid enum value '" + modelEnum.getValue() + "' for "
                        + value.getClass().getSimpleName());
            }
        } else if (value instanceof UnparsedObject unparsed) {
            problems.add(path + ": matches no schema " + unparsed.getData());
        } else if (value instanceof AbstractOpenApiSchema oneOf) {
            walk(path + "<" + value.getClass().getSimpleName() + ">", oneOf.getActualInstance());
        } else if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(path + "[" + index++ + "]", item);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(path + "." + key, item));
        } else if (value.getClass().getName().startsWith(MODEL_PACKAGE)) {
            walkModel(path, value);
        }
    }

    private void walkModel(String path, Object model) {
        int problemsBefore = problems.size();
        boolean unparsed = false;
        for (Class<?> type = model.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object fieldValue = read(field, model);
                if (field.getName().equals("additionalProperties")) {
                    if (fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add(path + ": unknown keys " + extra.keySet() + " in " + type.getSimpleName());
                    }
                } else if (field.getName().equals("unparsed")) {
                    unparsed = Boolean.TRUE.equals(fieldValue);
                } else {
                    walk(path + "." + field.getName(), fieldValue);
                }
            }
        }
        // The client sets `unparsed` on the parents of the problems reported above with a precise path; report it
        // on its own only when nothing below explains it.
        if (unparsed && problems.size() == problemsBefore) {
            problems.add(path + ": the client could not parse this "
                    + model.getClass().getSimpleName());
        }
    }

    private static Object read(Field field, Object model) {
        try {
            field.setAccessible(true);
            return field.get(model);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }
}
