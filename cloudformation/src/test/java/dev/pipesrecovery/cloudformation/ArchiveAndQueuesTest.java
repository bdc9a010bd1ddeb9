package dev.pipesrecovery.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The archive is safe by default, every queue is encrypted, the DLQ keeps its messages 14 days. */
class ArchiveAndQueuesTest {

    private final Map<String, Object> recovery = Templates.load(Templates.RECOVERY);
    private final Map<String, Object> pipe = Templates.load(Templates.PIPE);

    @Test
    void archiveBucketIsEncryptedPrivateVersionedAndOwned() {
        Map<String, Object> bucket = Cfn.resource(recovery, "ArchiveBucket");
        Map<String, Object> properties = Cfn.properties(bucket);
        Map<String, Object> rule = Cfn.map(
                Cfn.oneOrMany(Cfn.map(properties.get("BucketEncryption")).get("ServerSideEncryptionConfiguration"))
                        .get(0));
        assertThat(Cfn.map(rule.get("ServerSideEncryptionByDefault")).get("SSEAlgorithm"))
                .isEqualTo("aws:kms");
        assertThat(Cfn.map(properties.get("PublicAccessBlockConfiguration")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "BlockPublicAcls",
                        true,
                        "BlockPublicPolicy",
                        true,
                        "IgnorePublicAcls",
                        true,
                        "RestrictPublicBuckets",
                        true));
        assertThat(Cfn.map(properties.get("VersioningConfiguration")).get("Status"))
                .isEqualTo("Enabled");
        assertThat(properties.get("OwnershipControls").toString()).contains("ObjectOwnership=BucketOwnerEnforced");
        assertThat(bucket).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
        assertThat(properties.get("LifecycleConfiguration").toString())
                .contains("TransitionInDays={Ref=ArchiveTransitionDays}")
                .contains("ExpirationInDays={Fn::If=[ArchiveExpires, {Ref=ArchiveExpirationDays}");
    }

    @Test
    void bucketPolicyDeniesEveryRequestWithoutTls() {
        Map<String, Object> policy = Cfn.properties(Cfn.resource(recovery, "ArchiveBucketPolicy"));
        assertThat(policy.get("Bucket")).isEqualTo(Map.of("Ref", "ArchiveBucket"));
        Map<String, Object> deny = IamPolicyTest.statements(
                        Map.of("Resources", Map.of("P", Map.of("Type", "AWS::S3::BucketPolicy", "Properties", policy))))
                .get(0);
        assertThat(deny)
                .containsEntry("Effect", "Deny")
                .containsEntry("Principal", "*")
                .containsEntry("Action", "s3:*");
        assertThat(deny.get("Condition")).isEqualTo(Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        assertThat(Cfn.oneOrMany(deny.get("Resource")))
                .containsExactlyInAnyOrder(
                        Cfn.getAtt("ArchiveBucket", "Arn"), Map.of("Fn::Sub", "${ArchiveBucket.Arn}/*"));
    }

    @Test
    void everyQueueIsEncrypted() {
        for (Map<String, Object> template : List.of(recovery, pipe)) {
            Cfn.resourcesOfType(template, "AWS::SQS::Queue").forEach((id, queue) -> {
                Map<String, Object> properties = Cfn.properties(queue);
                assertThat(Boolean.TRUE.equals(properties.get("SqsManagedSseEnabled"))
                                || properties.containsKey("KmsMasterKeyId"))
                        .as(id + " is encrypted")
                        .isTrue();
            });
        }
        assertThat(Cfn.resourcesOfType(pipe, "AWS::SQS::Queue")).containsOnlyKeys("DeadLetterQueue");
        assertThat(Cfn.resourcesOfType(recovery, "AWS::SQS::Queue")).containsOnlyKeys("PoisonQueue");
    }

    /**
     * A DLQ or poison queue message is the only pointer to records not yet archived, and the log groups hold the
     * reasons: deleting a stack or replacing the resource must not delete them. A stack that fails its first
     * creation may remove them (nothing was dead-lettered yet, and a retry must not collide with leftovers).
     */
    @Test
    void queuesAndLogGroupsOutliveTheirStackAndTheirReplacement() {
        int checked = 0;
        for (Map<String, Object> template : List.of(recovery, pipe)) {
            for (String type : List.of("AWS::SQS::Queue", "AWS::Logs::LogGroup")) {
                for (Map.Entry<String, Map<String, Object>> resource :
                        Cfn.resourcesOfType(template, type).entrySet()) {
                    assertThat(resource.getValue().get("DeletionPolicy"))
                            .as(resource.getKey() + " DeletionPolicy")
                            .isEqualTo("RetainExceptOnCreate");
                    assertThat(resource.getValue().get("UpdateReplacePolicy"))
                            .as(resource.getKey() + " UpdateReplacePolicy")
                            .isEqualTo("Retain");
                    checked++;
                }
            }
        }
        assertThat(checked)
                .as("DeadLetterQueue, PipeLogGroup, PoisonQueue, HydrateLogGroup")
                .isEqualTo(4);
    }

    @Test
    void deadLetterQueueKeepsMessages14DaysAndRedrivesToThePoisonQueue() {
        Map<String, Object> dlq = Cfn.properties(Cfn.resource(pipe, "DeadLetterQueue"));
        assertThat(dlq.get("MessageRetentionPeriod")).isEqualTo(1_209_600);
        Map<String, Object> redrive = Cfn.map(dlq.get("RedrivePolicy"));
        assertThat(redrive.get("deadLetterTargetArn"))
                .isEqualTo(Map.of("Fn::ImportValue", Map.of("Fn::Sub", "${RecoveryStackName}-PoisonQueueArn")));
        assertThat(redrive.get("maxReceiveCount")).isEqualTo(Map.of("Ref", "DlqMaxReceiveCount"));
        assertThat(Cfn.properties(Cfn.resource(recovery, "PoisonQueue")).get("MessageRetentionPeriod"))
                .isEqualTo(1_209_600);
    }

    @Test
    void eventSourceMappingTargetsTheAliasAndReportsBatchItemFailures() {
        Map<String, Object> mapping = Cfn.properties(Cfn.resource(pipe, "HydrateEventSourceMapping"));
        assertThat(mapping.get("FunctionName"))
                .isEqualTo(Map.of("Fn::ImportValue", Map.of("Fn::Sub", "${RecoveryStackName}-HydrateAliasArn")));
        assertThat(mapping.get("EventSourceArn")).isEqualTo(Cfn.getAtt("DeadLetterQueue", "Arn"));
        assertThat(Cfn.oneOrMany(mapping.get("FunctionResponseTypes"))).containsExactly("ReportBatchItemFailures");
        assertThat(Cfn.map(mapping.get("ScalingConfig"))).containsKey("MaximumConcurrency");
        // the alias export really is the alias, on a published version with SnapStart
        assertThat(Cfn.section(recovery, "Outputs").get("HydrateAliasArn").get("Value"))
                .isEqualTo(Map.of("Ref", "HydrateAlias"));
        Map<String, Object> alias = Cfn.properties(Cfn.resource(recovery, "HydrateAlias"));
        assertThat(alias.get("FunctionVersion")).isEqualTo(Cfn.getAtt("HydrateVersion", "Version"));
        Map<String, Object> function = Cfn.properties(Cfn.resource(recovery, "HydrateFunction"));
        assertThat(function)
                .containsEntry("Runtime", "java21")
                .containsEntry("Handler", "dev.pipesrecovery.hydrate.HydrateHandler::handleRequest");
        assertThat(function.get("SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
    }

    @Test
    void pipeDeadLettersToTheQueueItsRoleCanSendTo() {
        Map<String, Object> pipeProperties = Cfn.properties(Cfn.resource(pipe, "Pipe"));
        assertThat(pipeProperties.get("RoleArn")).isEqualTo(Cfn.getAtt("PipeRole", "Arn"));
        assertThat(pipeProperties.get("SourceParameters").toString())
                .contains("DeadLetterConfig={Arn={Fn::GetAtt=[DeadLetterQueue, Arn]}}");
        List<Map<String, Object>> statements =
                IamPolicyTest.statements(Map.of("Resources", Map.of("PipeRole", Cfn.resource(pipe, "PipeRole"))));
        assertThat(statements).anySatisfy(s -> {
            assertThat(s).containsEntry("Effect", "Allow").containsEntry("Action", "sqs:SendMessage");
            assertThat(s.get("Resource")).isEqualTo(Cfn.getAtt("DeadLetterQueue", "Arn"));
        });
        assertThat(statements)
                .anySatisfy(s -> assertThat(s)
                        .containsEntry("Action", "events:InvokeApiDestination")
                        .containsEntry("Resource", Cfn.getAtt("ApiDestination", "Arn")));
    }

    @Test
    void pipeLogsErrorsWithoutExecutionDataByDefault() {
        Map<String, Object> log =
                Cfn.map(Cfn.properties(Cfn.resource(pipe, "Pipe")).get("LogConfiguration"));
        Map<String, Map<String, Object>> parameters = Cfn.parameters(pipe);
        assertThat(log.get("Level")).isEqualTo(Map.of("Ref", "PipeLogLevel"));
        assertThat(parameters.get("PipeLogLevel").get("Default")).isEqualTo("ERROR");
        assertThat(parameters.get("PipeLogIncludeExecutionData").get("Default")).isEqualTo("false");
        assertThat(log.get("IncludeExecutionData").toString())
                .startsWith("{Fn::If=[IncludeExecutionData, [ALL], {Ref=AWS::NoValue}");
    }
}
