package dev.pipesrecovery.sandbox;

/**
 * The emulators accept any credentials, but the SDK's default chain (which pipes-replay uses, as in production)
 * needs some: in a sandbox JVM they come from the {@code aws.accessKeyId}/{@code aws.secretAccessKey} system
 * properties, set here unless already set. Nothing outside the sandbox process is touched.
 */
public final class LocalCredentials {

    public static final String ACCESS_KEY_ID = "test";
    public static final String SECRET_ACCESS_KEY = "test";

    private LocalCredentials() {}

    public static void install() {
        setIfAbsent("aws.accessKeyId", ACCESS_KEY_ID);
        setIfAbsent("aws.secretAccessKey", SECRET_ACCESS_KEY);
        setIfAbsent("aws.region", dev.pipesrecovery.testkit.LocalAws.REGION.id());
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
