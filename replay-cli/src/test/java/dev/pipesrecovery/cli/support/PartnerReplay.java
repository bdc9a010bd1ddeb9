package dev.pipesrecovery.cli.support;

import dev.pipesrecovery.testkit.PartnerApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For each test, a fresh archive bucket on S3Mock and a local partner API, and the {@code replay --target http}
 * command line that sends the one to the other ({@code --consumer orders-api}, {@code --yes}, {@code --rate 0}
 * unless given). Register it with {@code @RegisterExtension}.
 */
public final class PartnerReplay implements BeforeEachCallback, AfterEachCallback {

    private Archive archive;
    private PartnerApi partner;
    private String s3Endpoint;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        archive = new Archive();
        partner = new PartnerApi();
        s3Endpoint = archive.endpoint();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        partner.close();
        archive.close();
    }

    public Archive archive() {
        return archive;
    }

    public PartnerApi partner() {
        return partner;
    }

    /** Sends the CLI's S3 calls to {@code endpoint} from now on (e.g. a proxy in front of the archive). */
    public void s3Endpoint(String endpoint) {
        s3Endpoint = endpoint;
    }

    /** {@code replay} to the partner's {@code /orders} with {@code extra} options, state in {@code state}. */
    public Cli.Result replay(Path state, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "replay",
                "--bucket",
                archive.bucket(),
                "--endpoint-url",
                s3Endpoint,
                "--consumer",
                "orders-api",
                "--target",
                "http",
                "--url",
                partner.url("/orders"),
                "--yes"));
        args.addAll(List.of(extra));
        if (!args.contains("--rate")) {
            args.addAll(List.of("--rate", "0"));
        }
        return new Cli(state).run(args.toArray(String[]::new));
    }
}
