package io.github.fastapidocker.docker;

/**
 * An image name or tag that Docker's reference grammar does not allow. The message says what is
 * wrong and quotes the value; where the value came from (which setting) is the caller's to add.
 */
public class InvalidReferenceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Kind {
        EMPTY,
        /** A tag or digest in a name that must have neither. */
        TAG_OR_DIGEST,
        TOO_LONG,
        REGISTRY_HOST,
        NAME,
        TAG
    }

    private final String value;
    private final Kind kind;
    private final String problem;

    /**
     * @param what what the value is, the subject of the message (for example {@code "image"})
     * @param value the value as given (may be {@code null})
     * @param kind what is wrong
     * @param problem what is wrong, as a predicate: {@code "has an invalid tag 'a:b' (...)"}
     */
    public InvalidReferenceException(String what, String value, Kind kind, String problem) {
        super(what + " " + problem);
        this.value = value;
        this.kind = kind;
        this.problem = problem;
    }

    /** The value as given (may be {@code null}). */
    public String value() {
        return value;
    }

    public Kind kind() {
        return kind;
    }

    /** What is wrong, as a predicate without a subject, for example {@code "must not be empty"}. */
    public String problem() {
        return problem;
    }
}
