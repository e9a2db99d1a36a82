package io.github.fastapidocker.docker.dockerjava;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DockerJavaEngineTest {
    @Test
    void refusedLoginsAreRecognised() {
        // What distribution, the engine and Docker Hub say (seen in the push stream).
        assertTrue(DockerJavaEngine.isUnauthorized("unauthorized: authentication required"));
        assertTrue(DockerJavaEngine.isUnauthorized("no basic auth credentials"));
        assertTrue(DockerJavaEngine.isUnauthorized("denied: requested access to the resource is denied"));
        assertTrue(DockerJavaEngine.isUnauthorized("received unexpected HTTP status: 401 Unauthorized"));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DockerJavaEngine.isUnauthorized(
                "Get \"http://127.0.0.1:5599/v2/\": dial tcp 127.0.0.1:5599: connect: connection refused"));
        assertFalse(DockerJavaEngine.isUnauthorized("Get \"http://127.0.0.1:4010/v2/\": connection refused"));
        assertFalse(DockerJavaEngine.isUnauthorized("dial tcp 10.0.0.401:5000: i/o timeout"));
        assertFalse(DockerJavaEngine.isUnauthorized("received unexpected HTTP status: 503 Service Unavailable"));
    }
}
