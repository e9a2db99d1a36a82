package io.github.fastapidocker.core.auth;

import io.github.fastapidocker.core.FastApiDockerException;

/** A credential source exists but could not be read; the message never holds a secret. */
public class CredentialLookupException extends FastApiDockerException {
    private static final long serialVersionUID = 1L;

    public CredentialLookupException(String message) {
        super(message);
    }
}
