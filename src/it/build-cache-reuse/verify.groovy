def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/cache"
try {
    // The pip step as the engine's history has it: [image id, created].
    def pipLayer = { String tag -> docker.historyStep("${repo}:${tag}", 'pip install --no-cache-dir --upgrade') }
    def v1 = pipLayer('v1'), v2 = pipLayer('v2'), v3 = pipLayer('v3')
    // Podman's history names no intermediate images (<missing>): there the filesystem layers below tell.
    def historyIds = v1 != '<missing>'
    if (historyIds) {
        assert v1 == v2 : "after an app-only change the pip install layer must be reused: v1 ${v1}, v2 ${v2}"
        assert v3 != v2 : "after a requirements change the pip install layer must be rebuilt: both ${v3}"
    }

    // The images themselves differ (the code layer changed) and the filesystem layers agree.
    def layers = { String tag -> docker.ok(['image', 'inspect', '--format', '{{json .RootFS.Layers}}', "${repo}:${tag}"]) }
    assert layers('v1') != layers('v2')
    def diffIds = { String tag -> new groovy.json.JsonSlurper().parseText(layers(tag)) }
    def (l1, l2, l3) = [diffIds('v1'), diffIds('v2'), diffIds('v3')]
    assert l1.size() == l2.size() && l1[0..-2] == l2[0..-2] : "only the last filesystem layer may differ: ${l1} vs ${l2}"
    assert l3[0..-2] != l2[0..-2] : "after a requirements change more than the code layer must differ: ${l2} vs ${l3}"

    // The log says so too: the second build took pip from the cache, the third did not.
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/Building fastapi-it-/).drop(1)
    assert runs.size() == 3 : "expected three builds in build.log, found ${runs.size()}"
    assert runs[1].contains('cached  RUN pip install') : 'second build should list the pip step as cached'
    assert runs[2].contains('built   RUN pip install') : 'third build should rebuild the pip step'
} finally {
    docker.removeImages(repo)
}
true
