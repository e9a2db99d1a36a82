// Shared by the push verify scripts: ask the test registry itself (Docker Registry HTTP API V2,
// basic auth) what it holds. Load with: def reg = evaluate(new File(itLib, 'registry.groovy'))
import groovy.json.JsonSlurper

// The single-image manifest types: Docker's (the classic image store pushes it) and OCI's (the
// containerd image store pushes that; a registry answers 404 to a client that does not accept it).
def manifestTypes = ['application/vnd.docker.distribution.manifest.v2+json', 'application/vnd.oci.image.manifest.v1+json']

def call = { String registry, String user, String password, String method, String path ->
    def conn = new URL("http://${registry}/v2/${path}").openConnection(Proxy.NO_PROXY) as HttpURLConnection
    conn.requestMethod = method
    conn.connectTimeout = 5000
    conn.readTimeout = 10000
    conn.setRequestProperty('Authorization', 'Basic ' + "${user}:${password}".bytes.encodeBase64().toString())
    conn.setRequestProperty('Accept', manifestTypes.join(', '))
    def code = conn.responseCode
    def body = code < 400 ? conn.inputStream.text : (conn.errorStream?.text ?: '')
    [code: code, body: body, digest: conn.getHeaderField('Docker-Content-Digest')]
}

[
    // The tags the registry lists for a repository (sorted), or [] when it has none.
    tags: { String registry, String user, String password, String name ->
        def r = call(registry, user, password, 'GET', "${name}/tags/list")
        if (r.code == 404) {
            return []
        }
        assert r.code == 200 : "GET /v2/${name}/tags/list answered ${r.code}: ${r.body}"
        ((new JsonSlurper().parseText(r.body).tags ?: []) as List).sort()
    },
    // The manifest of name:tag as [digest: 'sha256:...', layers: [[digest, size], ...], json: text].
    manifest: { String registry, String user, String password, String name, String tag ->
        def head = call(registry, user, password, 'HEAD', "${name}/manifests/${tag}")
        assert head.code == 200 : "HEAD /v2/${name}/manifests/${tag} answered ${head.code}"
        def r = call(registry, user, password, 'GET', "${name}/manifests/${tag}")
        assert r.code == 200 : "GET /v2/${name}/manifests/${tag} answered ${r.code}: ${r.body}"
        assert r.digest == head.digest : "HEAD and GET disagree on the digest of ${name}:${tag}"
        def json = new JsonSlurper().parseText(r.body)
        assert json.mediaType in manifestTypes : "manifest type ${json.mediaType}"
        [digest: r.digest, layers: json.layers.collect { [it.digest, it.size as long] }, json: r.body]
    },
    // The push report the plugin wrote.
    pushReport: { File basedir ->
        def file = new File(basedir, 'target/fastapi-docker/push.json')
        assert file.isFile() : "no ${file}"
        new JsonSlurper().parse(file)
    },
]
