package dev.pipesrecovery.cloudformation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a packaged template moto 5.2's CloudFormation can create, for the smoke test only:
 * <ul>
 *   <li>resources of types moto does not implement are removed (it would no-op them, then crash resolving their
 *       attributes); a Ref or GetAtt to one becomes a placeholder ARN, and to an alias its function's ARN;</li>
 *   <li>list entries {@code Fn::If [condition, x, Ref AWS::NoValue]} are dropped (moto keeps a null in the list,
 *       which makes the IAM policy "malformed"; CloudFormation removes the entry).</li>
 * </ul>
 */
final class MotoCompatible {

    static final Set<String> NOT_IMPLEMENTED_BY_MOTO =
            Set.of("AWS::Pipes::Pipe", "AWS::Events::Connection", "AWS::Events::ApiDestination", "AWS::Lambda::Alias");

    private MotoCompatible() {}

    static Map<String, Object> of(Map<String, Object> template) {
        Map<String, Map<String, Object>> removed = new LinkedHashMap<>();
        Map<String, Object> resources = Cfn.map(template.get("Resources"));
        Cfn.resources(template).forEach((id, resource) -> {
            if (NOT_IMPLEMENTED_BY_MOTO.contains(resource.get("Type"))) {
                removed.put(id, resource);
            }
        });
        removed.keySet().forEach(resources::remove);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) rewrite(template, removed);
        return result;
    }

    private static Object rewrite(Object node, Map<String, Map<String, Object>> removed) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("Ref") instanceof String ref && removed.containsKey(ref)) {
                return placeholder(ref, removed.get(ref));
            }
            if (map.get("Fn::GetAtt") instanceof List<?> att && removed.containsKey(String.valueOf(att.get(0)))) {
                return placeholder(String.valueOf(att.get(0)), removed.get(String.valueOf(att.get(0))));
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, rewrite(v, removed)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> m
                        && m.get("Fn::If") instanceof List<?> branches
                        && Map.of("Ref", "AWS::NoValue").equals(branches.get(2)))) {
                    copy.add(rewrite(item, removed));
                }
            }
            return copy;
        }
        return node;
    }

    private static Object placeholder(String logicalId, Map<String, Object> resource) {
        if ("AWS::Lambda::Alias".equals(resource.get("Type"))) {
            Object function = Cfn.properties(resource).get("FunctionName");
            return Cfn.getAtt((String) Cfn.map(function).get("Ref"), "Arn");
        }
        return Map.of(
                "Fn::Sub",
                "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:moto-placeholder/" + logicalId);
    }
}
