package dev.pipesrecovery.sandbox.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipeParametersTest {

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              PipeName:
                Type: String
                Default: orders-api
              StreamName:
                Type: String
                Default: orders
              BatchSize:
                Type: Number
                Default: 1
              MaximumRetryAttempts:
                Type: Number
                Default: 3
              MaximumRecordAgeInSeconds:
                Type: Number
                Default: 3600
              OnPartialBatchItemFailure:
                Type: String
                Default: AUTOMATIC_BISECT
              ParallelizationFactor:
                Type: Number
                Default: 1
              StartingPosition:
                Type: String
                Default: TRIM_HORIZON
              InputTemplate:
                Type: String
                Default: '{"data": <$.data>}'
              RecoveryStackName:
                Type: String
            Resources:
              DeadLetterQueue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub "${PipeName}-dlq"
              Pipe:
                Type: AWS::Pipes::Pipe
                Properties:
                  Source: !GetAtt [Stream, Arn]
                  RoleArn: !ImportValue {"Fn::Sub": "${RecoveryStackName}-HydrateRoleArn"}
                  Tags: !If [HasTags, !Ref Tags, !Ref "AWS::NoValue"]
            """;

    @TempDir
    Path dir;

    @Test
    void readsTheDefaultsOfATemplateWithShortFormIntrinsics() throws Exception {
        Path template = Files.writeString(dir.resolve("pipe.yaml"), TEMPLATE);
        PipeSettings settings = PipeSettings.fromParameters(PipeParameters.resolve(template, null));
        assertThat(settings)
                .isEqualTo(new PipeSettings(
                        "orders-api", "orders", 1, 3, 3600, true, 1, "TRIM_HORIZON", "{\"data\": <$.data>}", ""));
    }

    @Test
    void aParameterFileOverridesTheDefaultsInEachCliShape() throws Exception {
        Path template = Files.writeString(dir.resolve("pipe.yaml"), TEMPLATE);
        Path list = Files.writeString(
                dir.resolve("list.json"), "[{\"ParameterKey\":\"MaximumRetryAttempts\",\"ParameterValue\":\"7\"}]");
        Path object = Files.writeString(dir.resolve("object.json"), "{\"Parameters\":{\"BatchSize\":\"4\"}}");
        Path pairs = Files.writeString(dir.resolve("pairs.json"), "[\"PipeName=payments\"]");
        assertThat(PipeParameters.resolve(template, list))
                .containsEntry("MaximumRetryAttempts", "7")
                .containsEntry("BatchSize", "1");
        assertThat(PipeParameters.resolve(template, object)).containsEntry("BatchSize", "4");
        assertThat(PipeParameters.resolve(template, pairs)).containsEntry("PipeName", "payments");
    }

    @Test
    void aMissingTemplateFailsWithItsPath() {
        Path missing = dir.resolve("cloudformation/pipe.yaml");
        assertThatThrownBy(() -> PipeParameters.resolve(missing, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void aMissingOrInvalidValueNamesTheParameter() {
        assertThatThrownBy(() -> PipeSettings.fromParameters(Map.of("PipeName", "p", "StreamName", "s")))
                .hasMessageContaining("BatchSize");
        assertThatThrownBy(() -> PipeSettings.fromParameters(Map.of(
                        "PipeName",
                        "p",
                        "StreamName",
                        "s",
                        "BatchSize",
                        "0",
                        "MaximumRetryAttempts",
                        "1",
                        "MaximumRecordAgeInSeconds",
                        "-1",
                        "ParallelizationFactor",
                        "1",
                        "StartingPosition",
                        "LATEST")))
                .hasMessageContaining("BatchSize must be 1-10000");
    }
}
