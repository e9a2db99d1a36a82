package io.github.fastapidocker.auth;

import io.github.fastapidocker.kernel.BuildLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ordered chain of credential sources: the first that has a login for the registry wins;
 * none means an anonymous push. A source that fails (a credential helper that hangs) is reported
 * as a warning and the chain goes on.
 */
public final class CredentialResolver {
    private final List<CredentialSource> sources;
    private final BuildLog log;

    public CredentialResolver(List<CredentialSource> sources, BuildLog log) {
        this.sources = List.copyOf(sources);
        this.log = log;
    }

    /** The login for {@code registry}; never {@code null}. */
    public RegistryCredentials resolve(String registry) {
        List<String> tried = new ArrayList<>();
        for (CredentialSource source : sources) {
            tried.add(source.description());
            Optional<RegistryCredentials> found;
            try {
                found = source.lookup(registry);
            } catch (CredentialLookupException e) {
                log.warn("Registry credentials: " + e.getMessage() + "; trying the next source");
                tried.set(tried.size() - 1, source.description() + " (failed: " + e.getMessage() + ")");
                continue;
            }
            if (found.isPresent()) {
                log.debug("Registry credentials for " + registry + " from "
                        + found.get().describe());
                return found.get();
            }
            log.debug("Registry credentials for " + registry + ": none in " + source.description());
        }
        return RegistryCredentials.anonymous("no login found for " + registry + "; tried " + String.join(", ", tried));
    }
}
