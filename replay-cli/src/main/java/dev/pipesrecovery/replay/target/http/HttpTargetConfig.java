package dev.pipesrecovery.replay.target.http;

import dev.pipesrecovery.pipes.InputTemplate;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how the HTTP target sends: method and URL, extra headers and query parameters (from {@code --header}
 * and from the pipe), the pipe's {@code InputTemplate} (null: the body is the record's exact bytes), the reserved
 * template variables, the pipe role (for the event's {@code invokeIdentityArn}) and the connection's credentials.
 * Header and query values that start with {@code $.} are JSON paths into the pipe event, as in a pipe.
 */
public record HttpTargetConfig(
        String method,
        URI url,
        List<HttpHeader> headers,
        Map<String, String> queryParameters,
        InputTemplate inputTemplate,
        Map<String, String> templateVariables,
        String pipeRoleArn,
        ConnectionAuth auth) {

    public HttpTargetConfig {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = List.copyOf(headers);
        queryParameters = Map.copyOf(queryParameters);
        templateVariables = Map.copyOf(templateVariables);
        auth = auth == null ? ConnectionAuth.NONE : auth;
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("the URL must be an absolute http(s) URL, not '" + url + "'");
        }
        if (auth != ConnectionAuth.NONE) {
            CredentialTransport.requireSafe(url, "the credentials of " + auth.describe());
        }
    }

    /** The same target with {@code connectionAuth}'s credentials on every request. */
    public HttpTargetConfig withAuth(ConnectionAuth connectionAuth) {
        return new HttpTargetConfig(
                method, url, headers, queryParameters, inputTemplate, templateVariables, pipeRoleArn, connectionAuth);
    }

    /** A plain target: POST the record's bytes to {@code url}. */
    public static HttpTargetConfig plain(URI url, List<HttpHeader> headers) {
        return new HttpTargetConfig("POST", url, headers, Map.of(), null, Map.of(), null, ConnectionAuth.NONE);
    }

    /** The URL without user info or query (for plans and reports). */
    public String describe() {
        return "http " + method + " " + url.getScheme() + "://" + url.getHost()
                + (url.getPort() < 0 ? "" : ":" + url.getPort()) + (url.getRawPath() == null ? "" : url.getRawPath())
                + (inputTemplate == null ? "" : " (pipe InputTemplate)")
                + (auth.describe().isEmpty() ? "" : " (" + auth.describe() + ")");
    }
}
