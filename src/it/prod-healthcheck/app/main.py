import os

from fastapi import FastAPI, Response

app = FastAPI()


@app.get("/health")
def health(response: Response):
    # The status comes from the image's environment: 200 in the first run, 500 in the second.
    response.status_code = int(os.environ.get("HEALTH_STATUS", "200"))
    return {"status": response.status_code}
