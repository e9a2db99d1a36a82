package io.github.fastapidocker.maven;

import io.github.fastapidocker.auth.RegistryCredentials;
import io.github.fastapidocker.dockerfile.PackageIndexes;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.maven.plugin.logging.Log;

/**
 * The logins for the package indexes, from {@code settings.xml} servers: the one
 * {@code <pipIndexServerId>} names, else the one whose id is the index's host[:port] (as for a
 * registry). Each becomes a build argument of the builder stage, the index URL with the login in it;
 * the log names the server and the user, never the password.
 */
final class PackageIndexLogins {
    private PackageIndexLogins() {}

    /**
     * The build arguments that carry the logins found; empty when there are none.
     *
     * @param serverId the server named for the index, or {@code null} for its host[:port]
     * @throws ConfigurationException when the named server does not exist, or a login is half-set
     */
    static Map<String, String> resolve(
            PackageIndexes indexes, String serverId, SettingsServers servers, Hints hints, Log log) {
        Map<String, String> args = new TreeMap<>();
        if (indexes.indexUrl() != null) {
            if (serverId != null && !servers.has(serverId)) {
                throw new ConfigurationException(hints.name(Setting.PIP_INDEX_SERVER_ID)
                        + " names settings.xml server '"
                        + serverId + "', which your settings.xml does not have: add " + hints.serverLogin(serverId)
                        + ", or remove " + hints.name(Setting.PIP_INDEX_SERVER_ID) + " to use the server named after"
                        + " the index's host ('" + PackageIndexes.serverId(indexes.indexUrl()) + "')");
            }
            String id = serverId != null ? serverId : PackageIndexes.serverId(indexes.indexUrl());
            login(indexes.indexUrl(), id, servers, log).ifPresent(url -> args.put(PackageIndexes.INDEX_ARG, url));
        }
        if (indexes.extraIndexUrl() != null) {
            login(indexes.extraIndexUrl(), PackageIndexes.serverId(indexes.extraIndexUrl()), servers, log)
                    .ifPresent(url -> args.put(PackageIndexes.EXTRA_INDEX_ARG, url));
        }
        return args;
    }

    private static Optional<String> login(String url, String id, SettingsServers servers, Log log) {
        Optional<RegistryCredentials> found = servers.login(id).lookup(id);
        if (found.isEmpty()) {
            log.info("Package index " + url + ": no login (no settings.xml server '" + id + "' with one)");
            return Optional.empty();
        }
        RegistryCredentials login = found.get();
        log.info("Package index " + url + ": login from settings.xml server '" + id + "', user '" + login.username()
                + "', passed to the builder stage only");
        return Optional.of(PackageIndexes.withLogin(url, login.username(), login.password()));
    }
}
