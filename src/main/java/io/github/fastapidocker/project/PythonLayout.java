package io.github.fastapidocker.project;

/**
 * Where a FastAPI service's code lives, as {@code fastapi run} would see it.
 *
 * @param kind package ({@code app/__init__.py} + {@code app/main.py}; also {@code src/} of a src
 *     layout) or a single file
 * @param source the file or package directory to copy, relative to the Python directory, with / separators
 * @param appFile the path {@code fastapi run} is given inside the image (relative to {@code /code})
 * @param appObject the FastAPI object to run when it is not {@code app} ({@code fastapi run --app}),
 *     else {@code null}
 */
public record PythonLayout(Kind kind, String source, String appFile, String appObject) {

    /** A layout whose object is {@code app}, the one {@code fastapi run} takes by default. */
    public PythonLayout(Kind kind, String source, String appFile) {
        this(kind, source, appFile, null);
    }

    /** The same layout running another object ({@code null} or {@code app}: the default). */
    public PythonLayout withAppObject(String object) {
        return new PythonLayout(kind, source, appFile, object == null || object.equals("app") ? null : object);
    }

    /** The two layouts of FastAPI's container guide. */
    public enum Kind {
        PACKAGE,
        SINGLE_FILE
    }

    /** The directory name or file name the code gets under {@code /code}. */
    public String target() {
        int slash = source.lastIndexOf('/');
        return slash < 0 ? source : source.substring(slash + 1);
    }
}
