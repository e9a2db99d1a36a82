package io.github.fastapidocker.project.deps;

/**
 * A requirements file made from a lock or {@code pyproject.toml}.
 *
 * @param content its bytes
 * @param origin the file it came from, relative to the Python directory
 * @param summary what it holds, for the log
 */
record Generated(byte[] content, String origin, String summary) {}
