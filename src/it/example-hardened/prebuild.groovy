// The example as it is in the repository (without a build directory), beside this aggregator POM.
import java.nio.file.Files
import java.nio.file.StandardCopyOption

def example = new File(itLib).parentFile.parentFile.parentFile.toPath().resolve('examples/hello-hardened')
def copy = basedir.toPath().resolve('hello-hardened')
Files.walk(example).withCloseable { paths ->
    paths.filter { !example.relativize(it).toString().startsWith('target') }.each { source ->
        def target = copy.resolve(example.relativize(source).toString())
        if (Files.isDirectory(source)) {
            Files.createDirectories(target)
        } else {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING)
        }
    }
}
assert Files.isRegularFile(copy.resolve('pom.xml')) : "no example at ${example}"
true
