import hashlib
import os

from fastapi import FastAPI

app = FastAPI()


@app.get("/token")
def token():
    # Proves the container got the value without showing it.
    value = os.environ.get("IT_SMOKE_TOKEN", "")
    return {"sha256": hashlib.sha256(value.encode()).hexdigest(), "greeting": os.environ.get("GREETING")}
