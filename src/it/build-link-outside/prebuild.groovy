import java.nio.file.Files
import java.nio.file.Path
def link = basedir.toPath().resolve('app/passwd')
Files.deleteIfExists(link)
Files.createSymbolicLink(link, Path.of('/etc/passwd'))
true
