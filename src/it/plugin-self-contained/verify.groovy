// The installed plugin is one self-contained artifact: Maven's debug log shows the plugin realm
// with the plugin jar alone (27 artifacts before the jar carried its libraries), the
// installed POM has no dependency Maven would resolve at run time, and the jar still tells a
// dependency scanner what it carries, with the merged NOTICE and the license text.
import java.util.jar.JarFile

def log = new File(basedir, 'build.log').readLines()
def start = log.findIndexOf { it.contains('Populating class realm plugin>io.github.fastapidocker:fastapi-docker-maven-plugin:') }
assert start >= 0 : 'Maven must report the plugin realm it populates'
def included = log.drop(start + 1).takeWhile { it.contains('Included: ') }.collect { it.substring(it.indexOf('Included: ') + 10).trim() }
assert included.size() == 1 : "the plugin realm must hold one artifact, got ${included.size()}: ${included}"
def coords = included[0].split(':')
assert coords[0] == 'io.github.fastapidocker' && coords[1] == 'fastapi-docker-maven-plugin' : "realm holds ${included[0]}"
def version = coords[3]
assert log.any { it.contains('fastapi-docker:' + version + ':help') } : 'the help goal must run'

def dir = new File(localRepositoryPath, "io/github/fastapidocker/fastapi-docker-maven-plugin/${version}")
def pom = new groovy.xml.XmlSlurper().parse(new File(dir, "fastapi-docker-maven-plugin-${version}.pom"))
def runtime = pom.dependencies.dependency.findAll { !(it.scope.text() in ['provided', 'test']) }
assert runtime.size() == 0 : "installed POM still has run-time dependencies: ${runtime.collect { it.artifactId.text() }}"

def jar = new JarFile(new File(dir, "fastapi-docker-maven-plugin-${version}.jar"))
try {
    def names = jar.entries().collect { it.name } as Set
    ['com.github.docker-java/docker-java-core', 'com.github.docker-java/docker-java-transport-httpclient5',
     'org.apache.httpcomponents.client5/httpclient5', 'com.fasterxml.jackson.core/jackson-databind',
     'com.fasterxml.jackson.dataformat/jackson-dataformat-toml', 'org.apache.commons/commons-compress'].each {
        assert names.contains("META-INF/maven/${it}/pom.properties".toString()) : "no pom.properties for ${it}"
    }
    assert names.contains('com/github/dockerjava/transport/DockerHttpClient.class')
    assert names.size() > 15000 : "the jar lost entries: ${names.size()}"
    assert names.contains('org/bouncycastle/LICENSE.class') : 'Bouncy Castle (TLS client keys) must be in the jar'
    assert !names.any { it.startsWith('org/slf4j/') } : 'slf4j comes from Maven, not from the jar'
    assert !names.any { it.startsWith('org/publicsuffix/') } : "httpclient5's Public Suffix List (parsed on every run) must be left out"
    assert !names.any { it ==~ /META-INF\/[^\/]+\.(SF|DSA|RSA)/ } : 'signature files of the libraries must not be copied'
    assert jar.getInputStream(jar.getEntry('META-INF/LICENSE')).text.contains('Apache License')
    def notice = jar.getInputStream(jar.getEntry('META-INF/NOTICE')).text
    assert notice.contains('Apache Commons Compress') && notice.contains('HttpComponents') : 'NOTICE files must be merged'
    assert jar.manifest.mainAttributes.getValue('Multi-Release') == 'true' : 'libraries keep their Java-version classes'
    // The classes every goal loads are stored, not deflated (read as they are, not inflated one
    // by one); the rest stays deflated.
    def method = { name -> jar.getJarEntry(name).method }
    ['io/github/fastapidocker/maven/BuildMojo.class', 'org/apache/hc/core5/http/HttpHost.class',
     'com/fasterxml/jackson/core/JsonFactory.class', 'com/fasterxml/jackson/databind/node/ObjectNode.class',
     'com/github/dockerjava/httpclient5/ApacheDockerHttpClient.class',
     'org/apache/commons/compress/archivers/tar/TarArchiveOutputStream.class'].each {
        assert method(it) == java.util.zip.ZipEntry.STORED : "${it} must be stored"
    }
    ['org/bouncycastle/LICENSE.class', 'com/google/common/collect/ImmutableList.class', 'META-INF/maven/plugin.xml'].each {
        assert method(it) == java.util.zip.ZipEntry.DEFLATED : "${it} must stay deflated"
    }
    def storedBytes = jar.entries().findAll { it.method == java.util.zip.ZipEntry.STORED }.sum { it.size } as long
    assert storedBytes < 20_000_000L : "only the classes every goal loads are stored, got ${storedBytes} bytes"
} finally {
    jar.close()
}
true
