package dev.pipesrecovery.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.testkit.CloudFormationYaml;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SYNTAX SMOKE TEST ONLY: moto's CloudFormation creates both packaged stacks (includes expanded, cross-stack imports
 * resolved) and the queues exist with their retention and redrive. It is no proof that the templates deploy on AWS:
 * moto silently accepts resource types it does not implement (alarms, Glue, SnapStart settings...), and the types it
 * cannot even parse around are cut out first ({@link MotoCompatible}). cfn-lint and the invariant tests are the
 * real checks.
 */
class MotoSmokeTest {

    private static MotoServer moto;
    private static CloudFormationClient cloudFormation;
    private static S3Client s3;
    private static SqsClient sqs;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
        cloudFormation = LocalAws.configure(CloudFormationClient.builder(), moto.endpoint())
                .build();
        s3 = LocalAws.s3(moto);
        sqs = LocalAws.sqs(moto);
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            cloudFormation.close();
            s3.close();
            sqs.close();
            moto.close();
        }
    }

    @Test
    void recoveryAndPipeStacksCreateAndTheirQueuesExist() throws Exception {
        byte[] code = tinyZip();
        s3.createBucket(b -> b.bucket("artifacts"));
        s3.putObject(b -> b.bucket("artifacts").key("hydrate/code.jar"), RequestBody.fromBytes(code));

        create("pipes-recovery", Templates.RECOVERY, Map.of("HydrateCodeSha256", sha256Base64(code)));
        Map<String, String> recoveryOutputs = exports("pipes-recovery-");
        String poisonUrl = sqs.getQueueUrl(b -> b.queueName(recoveryOutputs.get("PoisonQueueName")))
                .queueUrl();
        assertThat(sqs.getQueueAttributes(
                                b -> b.queueUrl(poisonUrl).attributeNames(QueueAttributeName.MESSAGE_RETENTION_PERIOD))
                        .attributes())
                .containsEntry(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600");

        Stack pipe = create(
                "orders-api",
                Templates.PIPE,
                Map.of(
                        "PipeName",
                        "orders-api",
                        "StreamName",
                        "orders",
                        "RecoveryStackName",
                        "pipes-recovery",
                        "CreateStream",
                        "true",
                        "InvocationEndpoint",
                        "https://partner.example.com/orders",
                        "ConnectionSecretArn",
                        "arn:aws:secretsmanager:us-east-1:" + LocalAws.ACCOUNT_ID + ":secret:orders-AbCdEf"));
        String dlqArn = outputs(pipe).get("DeadLetterQueueArn");
        String dlqUrl = sqs.getQueueUrl(b -> b.queueName(dlqArn.substring(dlqArn.lastIndexOf(':') + 1)))
                .queueUrl();
        Map<QueueAttributeName, String> dlq = sqs.getQueueAttributes(
                        b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.ALL))
                .attributes();
        assertThat(dlq).containsEntry(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600");
        assertThat(dlq.get(QueueAttributeName.REDRIVE_POLICY)).contains(recoveryOutputs.get("PoisonQueueArn"));
    }

    private static Stack create(String name, java.nio.file.Path template, Map<String, String> parameters)
            throws InterruptedException {
        String body = CloudFormationYaml.dump(
                MotoCompatible.of(Templates.packaged(template, "artifacts", "hydrate/code.jar")));
        cloudFormation.createStack(b -> b.stackName(name)
                .templateBody(body)
                .capabilities(Capability.CAPABILITY_IAM)
                .parameters(parameters.entrySet().stream()
                        .map(e -> Parameter.builder()
                                .parameterKey(e.getKey())
                                .parameterValue(e.getValue())
                                .build())
                        .toList()));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            Stack stack = cloudFormation
                    .describeStacks(b -> b.stackName(name))
                    .stacks()
                    .get(0);
            if (stack.stackStatus() != StackStatus.CREATE_IN_PROGRESS
                    || Instant.now().isAfter(deadline)) {
                assertThat(stack.stackStatus())
                        .as(name + ": " + stack.stackStatusReason() + "\n" + events(name))
                        .isEqualTo(StackStatus.CREATE_COMPLETE);
                return stack;
            }
            Thread.sleep(200);
        }
    }

    private static String events(String name) {
        return cloudFormation.describeStackEvents(b -> b.stackName(name)).stackEvents().stream()
                .map(e -> e.logicalResourceId() + " " + e.resourceStatus() + " " + e.resourceStatusReason())
                .collect(Collectors.joining("\n"));
    }

    /** name suffix → value of the exports named {@code prefix<suffix>} */
    private static Map<String, String> exports(String prefix) {
        return cloudFormation.listExportsPaginator(b -> {}).exports().stream()
                .filter(e -> e.name().startsWith(prefix) && e.value() != null)
                .collect(Collectors.toMap(e -> e.name().substring(prefix.length()), e -> e.value()));
    }

    private static Map<String, String> outputs(Stack stack) {
        return stack.outputs().stream().collect(Collectors.toMap(o -> o.outputKey(), o -> o.outputValue()));
    }

    private static byte[] tinyZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("placeholder.txt"));
            zip.write("moto never runs this code".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String sha256Base64(byte[] bytes) throws NoSuchAlgorithmException {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
