package io.github.fastapidocker.maven;

import io.github.fastapidocker.auth.FixedCredentialSource;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The logins of Maven's {@code settings.xml} {@code <server>}s, their passwords decrypted when they
 * are encrypted ({@code mvn --encrypt-password}): for a registry ({@code push}) and for a package
 * index ({@code build}).
 */
final class SettingsServers {
    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final Hints hints;

    SettingsServers(Settings settings, SettingsDecrypter decrypter, Hints hints) {
        this.settings = settings;
        this.decrypter = decrypter;
        this.hints = hints;
    }

    /** Whether settings.xml has a server with this id. */
    boolean has(String id) {
        return settings != null && settings.getServer(id) != null;
    }

    /**
     * The login of the server with this id, decrypted; a source that has none when there is no such
     * server.
     *
     * @throws ConfigurationException when its password cannot be decrypted
     */
    FixedCredentialSource login(String id) {
        Server server = settings == null ? null : settings.getServer(id);
        if (server == null) {
            return FixedCredentialSource.server(id, null, null, hints);
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        List<SettingsProblem> errors = result.getProblems().stream()
                .filter(p -> p.getSeverity() != SettingsProblem.Severity.WARNING)
                .toList();
        if (!errors.isEmpty()) {
            throw new ConfigurationException("Cannot decrypt the password of settings.xml server '" + id + "': "
                    + errors.stream().map(SettingsProblem::getMessage).collect(Collectors.joining("; "))
                    + " (check ~/.m2/settings-security.xml or -Dsettings.security)");
        }
        Server decrypted = result.getServer();
        return FixedCredentialSource.server(id, decrypted.getUsername(), decrypted.getPassword(), hints);
    }
}
