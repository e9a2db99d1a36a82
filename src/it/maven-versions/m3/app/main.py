from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def root():
    return {"built_by": "m3"}
