// Shared by the verify scripts: ask the real engine (docker CLI) and read the build log.
// Load with: def docker = evaluate(new File(itLib, 'docker.groovy'))
[
    // Runs a docker CLI command; returns [exit, stdout, stderr].
    run: { List<String> args ->
        def proc = (['docker'] + args).execute()
        def out = new StringBuilder(), err = new StringBuilder()
        proc.waitForProcessOutput(out, err)
        [proc.exitValue(), out.toString().trim(), err.toString().trim()]
    },
    // Runs a docker CLI command that must succeed; returns stdout.
    ok: { List<String> args ->
        def proc = (['docker'] + args).execute()
        def out = new StringBuilder(), err = new StringBuilder()
        proc.waitForProcessOutput(out, err)
        assert proc.exitValue() == 0 : "docker ${args.join(' ')} failed: ${err}"
        out.toString().trim()
    },
    // Removes every image of a repository (all tags); never fails the test.
    removeImages: { String repository ->
        def ids = ['docker', 'images', '-q', repository].execute().text.readLines().findAll { it }.unique()
        if (ids) {
            (['docker', 'rmi', '-f'] + ids).execute().waitFor()
        }
    },
    // The history entry of the build step whose command contains text, as [id, created]: equal for a
    // step the engine took from its cache, different for one it built again. Docker gives every
    // step's image id; Podman reports <missing> for many (its ids follow layers, and steps without a
    // layer shift them), so there the creation time decides: a step built again is newer.
    historyStep: { String image, String text ->
        def proc = ['docker', 'history', '--no-trunc', '--human=false', '--format', '{{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}', image].execute()
        def out = new StringBuilder(), err = new StringBuilder()
        proc.waitForProcessOutput(out, err)
        assert proc.exitValue() == 0 : "docker history ${image} failed: ${err}"
        def step = out.toString().readLines().collect { it.split('\t', 3) }.find { it.length == 3 && it[2].contains(text) }
        assert step : "no '${text}' step in the history of ${image}"
        [step[0], step[1]]
    },
    // Whether build output in the Maven log shows step N (Docker: "Step 4/7 : RUN ...", Podman:
    // "STEP 4/7: RUN ..."), optionally with its instruction.
    logShowsStep: { String log, int n, String instruction = '' ->
        (log =~ ('(?m)^\\[INFO\\] (?:Step|STEP) ' + n + '/\\d+ ?: ' + java.util.regex.Pattern.quote(instruction))).find()
    },
    // The plugin's record of what it built.
    record: { File basedir ->
        def props = new Properties()
        new File(basedir, 'target/fastapi-docker/image.properties').withInputStream { props.load(it) }
        props
    },
    // A failure the user caused or can fix: one clean message from the plugin, no stack trace,
    // not Maven's "Execution ... failed" that means an unexpected exception escaped.
    assertCleanFailure: { String log ->
        assert log =~ /\[ERROR\] Failed to execute goal io\.github\.fastapidocker:fastapi-docker-maven-plugin:[^ ]+:[a-z]+ \([^)]*\) on project [^:]+: \S/ : 'expected the plugin\'s own failure message'
        assert !(log =~ /Execution [^ ]+ of goal io\.github\.fastapidocker/) : 'an unexpected exception escaped the plugin'
        assert !(log =~ /(?m)^\s+at [a-z]+\.[\w.$]+\(/) : 'no stack trace for a user mistake'
    },
    // Containers (any state) with a label, as ids.
    containersWithLabel: { String label ->
        ['docker', 'ps', '-aq', '--filter', "label=${label}"].execute().text.readLines().findAll { it }
    },
    // Smoke-test containers (any state) of the IT in basedir: the plugin's labels name the project and
    // its directory, so runs of the same IT in other checkouts are not counted.
    smokeContainers: { File basedir ->
        def pom = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml'))
        ['docker', 'ps', '-aq', '--filter', 'label=io.github.fastapidocker.smoke',
         '--filter', "label=io.github.fastapidocker.project=${pom.groupId}:${pom.artifactId}",
         '--filter', "label=io.github.fastapidocker.directory=${basedir.absolutePath}"]
                .execute().text.readLines().findAll { it }
    },
    // Removes what a broken plugin might have left, so one failure does not leak into later runs.
    removeContainers: { List<String> ids ->
        if (ids) {
            (['docker', 'rm', '-f'] + ids).execute().waitFor()
        }
    },
    // The smoke goal's report (target/fastapi-docker/smoke.json).
    smokeReport: { File basedir ->
        def file = new File(basedir, 'target/fastapi-docker/smoke.json')
        assert file.isFile() : "the smoke goal must write ${file}"
        new groovy.json.JsonSlurper().parse(file)
    },
]
