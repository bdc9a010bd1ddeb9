package dev.pipesrecovery.cli;

import dev.pipesrecovery.replay.target.aws.TargetSpec;
import dev.pipesrecovery.replay.target.http.HttpHeader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code replay --target ...}: where the records go. Checked before anything calls AWS. */
public final class TargetOptions {

    /** The three kinds of target. */
    public enum Kind {
        HTTP,
        EVENTBRIDGE,
        KINESIS
    }

    static final class Kinds extends LowerCaseValues<Kind> {
        Kinds() {
            super(Kind.class);
        }
    }

    @Option(
            names = "--target",
            required = true,
            paramLabel = "http|eventbridge|kinesis",
            completionCandidates = Kinds.class,
            description =
                    "http: the partner API directly; eventbridge: PutEvents to a bus; kinesis: back into a stream.")
    Kind kind;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "http: the partner API URL (default with --pipe: the " + "pipe's API destination endpoint).")
    String url;

    @Option(names = "--header", paramLabel = "K:V", description = "http: an extra request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(
            names = "--pipe",
            paramLabel = "NAME",
            description = "http: send what this pipe would send: its API "
                    + "destination endpoint, HTTP parameters and InputTemplate (DescribePipe, DescribeApiDestination).")
    String pipe;

    @Option(
            names = "--connection",
            paramLabel = "NAME",
            description = "http: use this EventBridge connection's "
                    + "credentials (API key, basic or OAuth client credentials) from its Secrets Manager secret.")
    String connection;

    @Option(names = "--event-bus", paramLabel = "NAME", description = "eventbridge: the event bus name or ARN.")
    String eventBus;

    @Option(names = "--source", paramLabel = "S", description = "eventbridge: the events' Source.")
    String source;

    @Option(names = "--detail-type", paramLabel = "D", description = "eventbridge: the events' DetailType.")
    String detailType;

    @Option(names = "--stream", paramLabel = "NAME|ARN", description = "kinesis: the stream to write into.")
    String stream;

    public Kind kind() {
        return kind;
    }

    public String pipe() {
        return pipe;
    }

    public String connection() {
        return connection;
    }

    public String eventBus() {
        return eventBus;
    }

    public String source() {
        return source;
    }

    public String detailType() {
        return detailType;
    }

    public String stream() {
        return stream;
    }

    /** {@code --url} as an absolute http(s) URI, null when absent; a usage error when malformed. */
    public URI url() {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw CliException.usage("bad --url '" + url + "': expected an absolute http:// or https:// URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw CliException.usage("bad --url '" + url + "': " + e.getReason());
        }
    }

    public List<HttpHeader> headers() {
        List<HttpHeader> parsed = new ArrayList<>();
        for (String header : headers) {
            try {
                parsed.add(HttpHeader.parse(header));
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
        }
        return parsed;
    }

    /** Checks that the options of the chosen target are there (usage errors). */
    public void validate() {
        switch (kind) {
            case HTTP -> {
                if (url == null && pipe == null) {
                    throw CliException.usage("--target http needs --url URL or --pipe NAME");
                }
                url();
                headers();
            }
            case EVENTBRIDGE -> {
                if (eventBus == null || source == null || detailType == null) {
                    throw CliException.usage("--target eventbridge needs --event-bus, --source and --detail-type");
                }
            }
            case KINESIS -> {
                if (stream == null) {
                    throw CliException.usage("--target kinesis needs --stream NAME|ARN");
                }
            }
        }
        if (kind != Kind.HTTP && (url != null || pipe != null || connection != null || !headers.isEmpty())) {
            throw CliException.usage("--url, --header, --pipe and --connection only apply to --target http");
        }
    }

    /** The validated options as the target they describe ({@link #validate()} first). */
    public TargetSpec spec() {
        return switch (kind) {
            case HTTP -> new TargetSpec.Http(url(), headers(), pipe, null, connection);
            case EVENTBRIDGE -> new TargetSpec.EventBus(eventBus, source, detailType);
            case KINESIS -> new TargetSpec.Stream(stream);
        };
    }

    /**
     * What identifies the destination in a run identity (never a header value: it may be a secret). The kind in lower
     * case, as before the constants were upper-case: a journal of an earlier version is found again.
     */
    public String identity() {
        return kind.name().toLowerCase(Locale.ROOT) + "|" + url + "|" + pipe + "|" + connection + "|" + eventBus + "|"
                + source + "|" + detailType + "|" + stream;
    }
}
