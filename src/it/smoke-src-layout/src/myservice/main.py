from fastapi import FastAPI

from helpers.greeting import greeting

# Named api, not app: fastapi run takes it when there is no app; the plugin says --app api.
api = FastAPI()


@api.get("/hello")
def hello():
    return {"greeting": greeting()}
