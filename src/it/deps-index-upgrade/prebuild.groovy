// The requirements of both runs. The run id makes the files, and so the COPY layer before pip,
// new in every test run: pip must really run, the engine's cache of an earlier run cannot answer.
['v1': '1.0.0', 'v2': '2.0.0'].each { variant, version ->
    new File(basedir, "${variant}/requirements.txt").text = """# Test run ${runId}: from the test world's index (${indexUrl}, PIP_INDEX_URL of the base image).
fastapi
uvicorn
fastapi-docker-probe==${version}
"""
}
true
