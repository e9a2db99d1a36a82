package io.github.fastapidocker.project;

/**
 * Where a FastAPI service's code lives, as {@code fastapi run} would see it.
 *
 * @param kind package ({@code app/__init__.py} + {@code app/main.py}) or a single file
 * @param source the file or package directory to copy, relative to the Python directory, with / separators
 * @param appFile the path {@code fastapi run} is given inside the image (relative to {@code /code})
 */
public record PythonLayout(Kind kind, String source, String appFile) {

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
