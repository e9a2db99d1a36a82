package io.github.fastapidocker.auth;

import io.github.fastapidocker.kernel.FastApiDockerException;

/** A credential source exists but could not be read; the message never holds a secret. */
public class CredentialLookupException extends FastApiDockerException {
    private static final long serialVersionUID = 1L;

    public CredentialLookupException(String message) {
        super(message);
    }
}
