package io.github.fastapidocker.build;

import io.github.fastapidocker.kernel.BuildLog;
import io.github.fastapidocker.kernel.ConfigurationException;
import java.nio.file.Path;

/**
 * Plans a project's build and writes its context, in a JVM of its own: so a test can start it the
 * way CI images do ({@code LANG=C}) or with a small heap. Prints the error of a user mistake and
 * exits 2.
 */
public final class ContextWriterMain {
    private ContextWriterMain() {}

    public static void main(String[] args) {
        Path project = Path.of(args[0]);
        Path tar = Path.of(args[1]);
        Path dockerfile = args.length > 2 ? Path.of(args[2]) : null;
        try {
            BuildPlan plan = Projects.in(project).dockerfile(dockerfile).plan(BuildLog.SILENT);
            plan.context().writeTo(tar);
        } catch (ConfigurationException e) {
            System.out.println(e.getMessage());
            System.exit(2);
        }
    }
}
