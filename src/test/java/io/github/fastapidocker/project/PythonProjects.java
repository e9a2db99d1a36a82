package io.github.fastapidocker.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small Python project trees for tests. */
public final class PythonProjects {
    private PythonProjects() {}

    public static Path write(Path dir, String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    /** The guide's package layout: requirements.txt, app/__init__.py, app/main.py. */
    public static Path seed(Path dir) throws IOException {
        write(dir, "requirements.txt", "fastapi[standard]\n");
        write(dir, "app/__init__.py", "");
        write(dir, "app/main.py", "from fastapi import FastAPI\n\napp = FastAPI()\n");
        return dir;
    }

    /** The guide's single-file layout: requirements.txt, main.py. */
    public static Path singleFile(Path dir) throws IOException {
        write(dir, "requirements.txt", "fastapi[standard]\n");
        write(dir, "main.py", "from fastapi import FastAPI\n\napp = FastAPI()\n");
        return dir;
    }
}
