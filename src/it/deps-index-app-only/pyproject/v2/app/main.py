import fastapi_docker_probe
from fastapi import FastAPI

app = FastAPI()


@app.get("/probe")
def probe():
    return {"probe": fastapi_docker_probe.__version__, "app": 2}


@app.get("/")
def read_root():
    return {"Hello": "World"}
