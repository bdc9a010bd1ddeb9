package dev.pipesrecovery.cli.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Points individual services at different emulators through the SDK's standard per-service endpoint settings
 * ({@code aws.endpointUrl<Service>} system properties, the in-JVM form of {@code AWS_ENDPOINT_URL_<SERVICE>}), as an
 * SRE would with environment variables; cleared on close. Test classes run one after the other in a JVM.
 */
public final class ServiceEndpoints implements AutoCloseable {

    private final List<String> set = new ArrayList<>();

    public ServiceEndpoints put(String service, URI endpoint) {
        String property = "aws.endpointUrl" + service;
        System.setProperty(property, endpoint.toString());
        set.add(property);
        return this;
    }

    @Override
    public void close() {
        set.forEach(System::clearProperty);
    }
}
