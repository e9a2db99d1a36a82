import java.nio.file.Files
import java.nio.file.Path
// Made here, not committed: links and non-ASCII names do not survive every checkout and copy.
def base = basedir.toPath()
def app = base.resolve('app')
Files.deleteIfExists(app)
Files.createSymbolicLink(app, Path.of('src/app'))
// A link that stays inside: copied as what it points to.
Files.deleteIfExists(base.resolve('src/app/settings.py'))
Files.writeString(base.resolve('shared.py'), 'SHARED = 1\n')
Files.createSymbolicLink(base.resolve('src/app/settings.py'), Path.of('../../shared.py'))
Files.writeString(base.resolve('src/app/café.py'), 'CAFE = 1\n')
Files.writeString(base.resolve('src/app/naïve.py'), 'NAIVE = 1\n')
true
