// Requirements files naming the basic-auth index, once without and once with the login. The URL with
// the login would land in the image with the file: the plugin refuses it.
// The run id makes each file new, so the engine's cache of an earlier run cannot stand in for pip.
def withLogin = indexAuthUrl.replaceFirst('^http://',
        "http://${URLEncoder.encode(indexUser, 'UTF-8')}:${URLEncoder.encode(indexPassword, 'UTF-8')}@")
['noauth': indexAuthUrl, 'auth': withLogin].each { variant, url ->
    new File(basedir, "${variant}/requirements.txt").text = """# Test run ${runId}: the test world's index with basic auth.
--index-url ${url}
fastapi
uvicorn
fastapi-docker-probe==2.0.0
"""
}
true
