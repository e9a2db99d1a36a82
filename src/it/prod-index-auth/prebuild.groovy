// The run id makes the requirements new, so the engine's cache of an earlier run cannot stand in for pip.
new File(basedir, 'requirements.txt').text = """# Test run ${runId}: fastapi-docker-probe is only in the test world's index.
fastapi
uvicorn
fastapi-docker-probe==2.0.0
"""
true
