package dev.pipesrecovery.cloudformation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a template's Rules section against parameter values (the given ones over the defaults), with the rule
 * functions CloudFormation defines: Fn::And, Fn::Or, Fn::Not, Fn::Equals, Fn::Contains, Ref.
 */
final class TemplateRules {

    private TemplateRules() {}

    /** The AssertDescription of every assertion that fails. */
    static List<String> violations(Map<String, Object> template, Map<String, String> values) {
        Map<String, String> effective = new java.util.HashMap<>();
        Cfn.parameters(template).forEach((name, p) -> {
            if (p.containsKey("Default")) {
                effective.put(name, String.valueOf(p.get("Default")));
            }
        });
        effective.putAll(values);
        List<String> violations = new ArrayList<>();
        Cfn.section(template, "Rules").forEach((name, rule) -> {
            if (rule.containsKey("RuleCondition") && !truth(rule.get("RuleCondition"), effective)) {
                return;
            }
            for (Object assertion : Cfn.oneOrMany(rule.get("Assertions"))) {
                Map<String, Object> a = Cfn.map(assertion);
                if (!truth(a.get("Assert"), effective)) {
                    violations.add(name + ": " + a.get("AssertDescription"));
                }
            }
        });
        return violations;
    }

    private static boolean truth(Object expression, Map<String, String> values) {
        Map<String, Object> fn = Cfn.map(expression);
        String name = fn.keySet().iterator().next();
        List<Object> args = Cfn.oneOrMany(fn.get(name));
        return switch (name) {
            case "Fn::And" -> args.stream().allMatch(a -> truth(a, values));
            case "Fn::Or" -> args.stream().anyMatch(a -> truth(a, values));
            case "Fn::Not" -> !truth(args.get(0), values);
            case "Fn::Equals" -> value(args.get(0), values).equals(value(args.get(1), values));
            case "Fn::Contains" ->
                ((List<?>) args.get(0)).stream().map(String::valueOf).toList().contains(value(args.get(1), values));
            default -> throw new AssertionError("rule function not supported by this test: " + name);
        };
    }

    private static String value(Object operand, Map<String, String> values) {
        if (operand instanceof Map<?, ?> m && m.get("Ref") instanceof String ref) {
            if (!values.containsKey(ref)) {
                throw new AssertionError("no value for parameter " + ref);
            }
            return values.get(ref);
        }
        return String.valueOf(operand);
    }
}
