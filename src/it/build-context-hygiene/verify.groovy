def docker = evaluate(new File(itLib, 'docker.groovy'))
def repo = "fastapi-it-${runId}/build-context-hygiene"
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Leaving out what ${new File(basedir, '.dockerignore').canonicalPath} lists") : 'the .dockerignore used must be named'
    def id = docker.ok(['image', 'inspect', '--format', '{{.Id}}', "${repo}:1.0"])
    // What is in the image, by name as bytes on disk (the JVM ran under LANG=C).
    def files = docker.ok(['run', '--rm', '--network', 'none', '--entrypoint', 'find', id, '/code', '-type', 'f']).readLines().sort()
    assert !files.any { it.contains('.env') } : ".env must stay out: ${files}"
    assert !files.contains('/code/secrets/key.pem') : "secrets/ must stay out: ${files}"
    assert files.contains('/code/secrets/public.pem') : "a !-pattern brings a file back: ${files}"
    assert files.contains('/code/app/main.py') && files.contains('/code/app/__init__.py') : "the linked app/ arrives whole: ${files}"
    assert files.contains('/code/app/café.py') && files.contains('/code/app/naïve.py') : "non-ASCII names survive LANG=C: ${files}"
    def settings = docker.ok(['run', '--rm', '--network', 'none', '--entrypoint', 'cat', id, '/code/app/settings.py'])
    assert settings.trim() == 'SHARED = 1' : "a link inside is copied as its target: ${settings}"
    def labels = docker.ok(['image', 'inspect', '--format', '{{json .Config.Labels}}', id])
    assert labels.contains('"org.opencontainers.image.url":"https://gitlab.example.com/team/api"') : "the URL without its user-info: ${labels}"
    assert !labels.contains('s3cret') && !log.contains('glpat-it-s3cret') : 'the token must reach neither the image nor the log'
    def history = docker.ok(['history', '--no-trunc', '--format', '{{.CreatedBy}}', id])
    assert !history.contains('s3cret') : 'nor the image history'
} finally {
    docker.removeImages(repo)
}
true
