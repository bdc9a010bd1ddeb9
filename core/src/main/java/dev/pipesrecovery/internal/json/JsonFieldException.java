package dev.pipesrecovery.internal.json;

/** A required JSON field is missing or malformed; {@link #path()} names it (e.g. {@code failure.batch.batchSize}). */
public final class JsonFieldException extends RuntimeException {

    private final String path;
    private final String problem;

    public JsonFieldException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
