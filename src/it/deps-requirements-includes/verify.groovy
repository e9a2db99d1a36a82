def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/deps-includes"
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Smoke test of ${repo}:1.0 passed") : 'the image must pass its smoke test'
    def record = docker.record(basedir)
    assert log.contains('[INFO] Python dependencies: requirements.txt (found requirements.txt), with the 3 files it includes: constraints.txt, requirements/base.txt, requirements/common.txt')

    // Each file copied to its path under /code, all before pip install, the code after.
    def history = docker.ok(['history', '--no-trunc', '--format', '{{.CreatedBy}}', record.imageId]).readLines().reverse()
    def pip = history.findIndexOf { it.contains('pip install --no-cache-dir --upgrade -r /code/requirements.txt') }
    ['/code/constraints.txt', '/code/requirements/base.txt', '/code/requirements/common.txt', '/code/requirements.txt'].each { file ->
        def copy = history.findIndexOf { it.contains('COPY') && it.contains(" in ${file}") }
        assert copy >= 0 && copy < pip : "COPY ${file} (${copy}) must come before pip install (${pip}): ${history}"
    }
    assert history.findIndexOf { it.contains('COPY') && it.contains('/code/app') } > pip
    def files = docker.ok(['run', '--rm', '--network', 'none', '--entrypoint', 'find', record.imageId, '/code', '-type', 'f'])
            .readLines().sort()
    assert files == ['/code/app/__init__.py', '/code/app/main.py', '/code/constraints.txt', '/code/requirements.txt',
                     '/code/requirements/base.txt', '/code/requirements/common.txt'] : "files in /code: ${files}"
    // pip followed the includes: the nested one's requirement was read.
    assert log.contains('Requirement already satisfied: pydantic>=2.10') : 'pip must have read requirements/common.txt'
} finally {
    docker.removeImages(repo)
}
true
