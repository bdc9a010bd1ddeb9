package dev.pipesrecovery.hydrate;

import dev.pipesrecovery.testkit.LocalLambdaContext;

/** Lambda contexts for the hydrate function's tests: testkit's {@link LocalLambdaContext} with this function's names. */
public final class TestContext {

    private static final String FUNCTION = "pipes-recovery-hydrate";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:" + FUNCTION;

    private TestContext() {}

    /** A context whose deadline is {@code timeoutMillis} from now. */
    public static LocalLambdaContext withTimeout(long timeoutMillis) {
        return new LocalLambdaContext(FUNCTION, FUNCTION_ARN, timeoutMillis);
    }

    /** Five minutes: plenty for any test batch. */
    public static LocalLambdaContext generous() {
        return withTimeout(300_000);
    }
}
