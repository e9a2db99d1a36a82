import os

from fastapi import FastAPI

app = FastAPI()


@app.get("/whoami")
def whoami():
    # What the server process itself sees: its user and the image's environment.
    return {"uid": os.getuid(), "gid": os.getgid(), "greeting": os.environ.get("GREETING"),
            "unbuffered": os.environ.get("PYTHONUNBUFFERED")}
