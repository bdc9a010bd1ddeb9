package dev.pipesrecovery.dashboards;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a CloudFormation string value as Fn::Sub text: a literal stays as it is, {@code Fn::Sub} gives its
 * template, {@code Ref X} becomes {@code ${X}}, {@code Fn::GetAtt [A, B]} becomes {@code ${A.B}} and
 * {@code Fn::Join} joins its parts. Enough to read alarm names and descriptions whatever intrinsic a template uses.
 */
final class SubText {
    private SubText() {}

    @SuppressWarnings("unchecked")
    static String of(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Object argument = map.values().iterator().next();
            switch ((String) map.keySet().iterator().next()) {
                case "Fn::Sub":
                    return argument instanceof List<?> list ? (String) list.get(0) : (String) argument;
                case "Ref":
                    return "${" + argument + "}";
                case "Fn::GetAtt":
                    return "${" + String.join(".", (List<String>) argument) + "}";
                case "Fn::Join":
                    List<?> join = (List<?>) argument;
                    return ((List<?>) join.get(1))
                            .stream().map(SubText::of).collect(Collectors.joining((String) join.get(0)));
                default:
                    break;
            }
        }
        throw new AssertionError("cannot read a string from " + value);
    }

    /** Like {@link #of} where possible, else the intrinsic as written (e.g. an {@code Fn::If}). */
    static String describe(Object value) {
        try {
            return of(value);
        } catch (AssertionError | ClassCastException e) {
            return String.valueOf(value);
        }
    }
}
