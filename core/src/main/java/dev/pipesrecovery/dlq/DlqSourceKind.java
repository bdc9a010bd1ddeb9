package dev.pipesrecovery.dlq;

/** Which service wrote the dead-letter message. */
public enum DlqSourceKind {
    /** EventBridge Pipes: {@code context.partnerResourceArn}. */
    PIPE,
    /** A Lambda event source mapping's on-failure destination: {@code requestContext.functionArn}. */
    LAMBDA_ESM
}
