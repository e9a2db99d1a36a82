def greeting() -> str:
    return "from another package in src/"
