package dev.pipesrecovery.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The replay state machine's definition, parsed from replay.yaml: what no emulator here can run (moto fails on a
 * DISTRIBUTED Map) is checked as structure. cfn-lint checks the definition against the States Language schema.
 */
class ReplayStateMachineTest {

    private final Map<String, Object> template = Templates.load(Templates.REPLAY);
    private final Map<String, Object> properties = Cfn.properties(Cfn.resource(template, "ReplayStateMachine"));
    private final Map<String, Object> definition = Cfn.map(properties.get("Definition"));
    private final Map<String, Object> map = state(definition, "ReplayKeys");
    private final Map<String, Object> child = Cfn.map(map.get("ItemProcessor"));

    @Test
    void theMapReadsTheRunsPlanAsJsonLinesOneItemPerLineWithNoBatcher() {
        assertThat(map.get("Type")).isEqualTo("Map");
        assertThat(Cfn.map(child.get("ProcessorConfig")))
                .containsEntry("Mode", "DISTRIBUTED")
                .containsEntry("ExecutionType", "STANDARD");
        Map<String, Object> reader = Cfn.map(map.get("ItemReader"));
        assertThat(reader.get("Resource")).isEqualTo("arn:${Partition}:states:::s3:getObject");
        assertThat(Cfn.map(reader.get("ReaderConfig"))).containsEntry("InputType", "JSONL");
        assertThat(Cfn.map(reader.get("Parameters")))
                .containsEntry("Bucket", "${ArchiveBucket}")
                .containsEntry("Key.$", "States.Format('${ArchivePrefix}/_runs/{}/plan.jsonl', $.settings.runId)");
        assertThat(Cfn.mappingsWithKey(definition, "ItemBatcher")).isEmpty();
        assertThat(Templates.read(Templates.REPLAY)).doesNotContain("listObjectsV2");
        assertThat(Cfn.map(map.get("ItemSelector"))).containsEntry("item.$", "$$.Map.Item.Value");
    }

    @Test
    void concurrencyAndToleratedFailuresComeFromTheParametersUnlessTheExecutionInputSetsThem() {
        assertThat(map)
                .containsEntry("MaxConcurrencyPath", "$.settings.concurrency")
                .containsEntry("ToleratedFailurePercentagePath", "$.settings.toleratedFailurePercentage")
                .containsEntry("ToleratedFailureCountPath", "$.settings.toleratedFailureCount")
                .doesNotContainKeys("MaxConcurrency", "ToleratedFailurePercentage", "ToleratedFailureCount");
        assertThat(definition.get("StartAt")).isEqualTo("Defaults");
        Map<String, Object> defaults =
                Cfn.map(Cfn.map(state(definition, "Defaults").get("Parameters")).get("defaults"));
        Map<String, Object> substitutions = Cfn.map(properties.get("DefinitionSubstitutions"));
        for (String[] pair : new String[][] {
            {"concurrency", "MaxConcurrency"},
            {"rate", "Rate"},
            {"toleratedFailurePercentage", "ToleratedFailurePercentage"},
            {"toleratedFailureCount", "ToleratedFailureCount"}
        }) {
            assertThat(defaults).containsEntry(pair[0] + ".$", "States.StringToJson('${" + pair[1] + "}')");
            assertThat(substitutions).containsEntry(pair[1], Map.of("Ref", pair[1]));
            assertThat(Cfn.parameters(template)).containsKey(pair[1]);
        }
        assertThat(state(definition, "Defaults").get("Next")).isEqualTo("Settings");
        assertThat(Cfn.map(state(definition, "Settings").get("Parameters")))
                .containsEntry("settings.$", "States.JsonMerge($.defaults, $.input, false)");
        assertThat(state(definition, "Settings").get("Next")).isEqualTo("ReplayKeys");
    }

    @Test
    void theChildInvokesTheWorkerUntilItAnswersDoneAndWaitsWhenAnEarlierChunkIsNotDone() {
        Map<String, Object> invoke = state(child, "ReplayItem");
        assertThat(child.get("StartAt")).isEqualTo("ReplayItem");
        assertThat(invoke.get("Resource")).isEqualTo("arn:${Partition}:states:::lambda:invoke");
        assertThat(Cfn.map(invoke.get("Parameters"))).containsEntry("FunctionName", "${WorkerArn}");
        assertThat(Cfn.map(properties.get("DefinitionSubstitutions")))
                .containsEntry("WorkerArn", Cfn.getAtt("WorkerFunction", "Arn"));
        assertThat(invoke).containsEntry("ResultPath", "$.worker").containsEntry("Next", "MoreToDo");

        Map<String, Object> choice = state(child, "MoreToDo");
        List<Map<String, Object>> rules = rules(choice);
        assertThat(rules.get(0))
                .containsEntry("Variable", "$.worker.answer.done")
                .containsEntry("IsPresent", false)
                .containsEntry("Next", "UnexpectedAnswer");
        assertThat(rules.get(1)).containsEntry("Next", "UnexpectedAnswer");
        assertThat(Cfn.map(rules.get(1).get("Not")))
                .containsEntry("Variable", "$.worker.answer.done")
                .containsEntry("IsBoolean", true);
        assertThat(rules.get(2))
                .containsEntry("Variable", "$.worker.answer.done")
                .containsEntry("BooleanEquals", true)
                .containsEntry("Next", "ItemDone");
        assertThat(state(child, "ItemDone").get("Type")).isEqualTo("Succeed");
        assertThat(rules.get(3))
                .containsEntry("Variable", "$.worker.answer.waitSeconds")
                .containsEntry("IsPresent", true)
                .containsEntry("Next", "WaitForEarlierChunk");
        assertThat(state(child, "WaitForEarlierChunk"))
                .containsEntry("Type", "Wait")
                .containsEntry("SecondsPath", "$.worker.answer.waitSeconds")
                .containsEntry("Next", "ReplayItem");
        assertThat(choice.get("Default"))
                .as("done == false invokes the worker again")
                .isEqualTo("ReplayItem");
        assertThat(state(child, "UnexpectedAnswer").get("Type")).isEqualTo("Fail");
    }

    @Test
    void lambdaServiceErrorsAreRetriedAndAnyOtherFailureIsCaughtAndRecordedWithItsItem() {
        Map<String, Object> invoke = state(child, "ReplayItem");
        List<Object> retries = Cfn.oneOrMany(invoke.get("Retry"));
        assertThat(retries).hasSize(1);
        assertThat(Cfn.oneOrMany(Cfn.map(retries.get(0)).get("ErrorEquals")))
                .containsExactlyInAnyOrder(
                        "Lambda.ServiceException",
                        "Lambda.AWSLambdaException",
                        "Lambda.SdkClientException",
                        "Lambda.TooManyRequestsException");
        List<Object> catches = Cfn.oneOrMany(invoke.get("Catch"));
        assertThat(catches).singleElement().satisfies(c -> {
            assertThat(Cfn.oneOrMany(Cfn.map(c).get("ErrorEquals"))).containsExactly("States.ALL");
            assertThat(Cfn.map(c)).containsEntry("ResultPath", "$.failure").containsEntry("Next", "RecordItemFailure");
        });
        Map<String, Object> record = state(child, "RecordItemFailure");
        assertThat(record).containsEntry("Type", "Fail").containsEntry("ErrorPath", "$.failure.Error");
        assertThat((String) record.get("CausePath"))
                .contains("$.item.partitionKey", "$.item.chunk", "$.run.runId", "$.failure.Cause");
    }

    @Test
    void theReportGoesUnderTheRunsReportPrefix() {
        Map<String, Object> writer = Cfn.map(map.get("ResultWriter"));
        assertThat(writer.get("Resource")).isEqualTo("arn:${Partition}:states:::s3:putObject");
        assertThat(Cfn.map(writer.get("Parameters")))
                .containsEntry("Bucket", "${ArchiveBucket}")
                .containsEntry("Prefix.$", "States.Format('${ArchivePrefix}/_runs/{}/report', $.settings.runId)");
        assertThat(Cfn.map(properties.get("DefinitionSubstitutions")))
                .containsEntry("ArchivePrefix", Map.of("Ref", "ArchivePrefix"));
    }

    private static Map<String, Object> state(Map<String, Object> machine, String name) {
        Map<String, Object> state = Cfn.map(machine.get("States")).get(name) == null
                ? null
                : Cfn.map(Cfn.map(machine.get("States")).get(name));
        assertThat(state).as("state " + name).isNotNull();
        return state;
    }

    private static List<Map<String, Object>> rules(Map<String, Object> choice) {
        List<Map<String, Object>> rules = new ArrayList<>();
        Cfn.oneOrMany(choice.get("Choices")).forEach(rule -> rules.add(Cfn.map(rule)));
        return rules;
    }
}
