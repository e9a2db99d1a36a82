import fastapi_docker_probe
from fastapi import FastAPI

app = FastAPI()


@app.get("/probe")
def probe():
    return {"probe": fastapi_docker_probe.__version__}
