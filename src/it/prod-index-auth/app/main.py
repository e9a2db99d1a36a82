import os

import fastapi_docker_probe
from fastapi import FastAPI

app = FastAPI()


@app.get("/probe")
def probe():
    # A package only the test world's index has, installed from it with the login; run as uid 10001.
    return {"probe": fastapi_docker_probe.__version__, "uid": os.getuid()}
