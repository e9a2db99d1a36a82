package io.github.fastapidocker.kernel;

/**
 * How the user changes things, in the words of the tool that runs the plugin (for Maven: POM
 * elements, {@code -D} properties, {@code mvn} commands). The core raises its errors and writes its
 * advice through this, never with those words of its own, so renaming a parameter is one change
 * at the edge (as Jib's {@code HelpfulSuggestions} does).
 */
public interface Hints {

    /** How the user names a setting, for example {@code <smokeNetwork> (fastapi.smoke.network)}. */
    String name(Setting setting);

    /**
     * How the user sets it to {@code value}, for example {@code <smokeNetwork>host</smokeNetwork>
     * (-Dfastapi.smoke.network=host)}.
     */
    String set(Setting setting, String value);

    /**
     * How the user writes {@code child}, a part nested in the setting {@code parent}: an entry of a
     * list setting or a field of such an entry, in the core's words ({@code "probe"}, {@code
     * "path"}). For Maven, {@code element(PROBES, "path")} is {@code <path>}, so a message reads
     * {@code <probes><probe> #2: <path> must be set}.
     */
    String element(Setting parent, String child);

    /** The command that runs a step with everything before it, for example {@code mvn package}. */
    String command(Step step);

    /** Where else a login for {@code registry} can be kept, for example a settings.xml server. */
    String serverLogin(String registry);

    /** The build tool's own login store for a server, for example {@code settings.xml server 'ID'}. */
    String server(String id);

    /** One field of it, for example {@code <username> of settings.xml server 'ID'}. */
    String serverField(String id, String field);

    /** The steps a hint can tell the user to run. */
    enum Step {
        /** Writes, builds and smoke-tests the image. */
        BUILD,
        /** Pushes it. */
        PUSH
    }
}
