"""The baseline: a bare ASGI app on the server stack `zcrm-local serve` uses (uvicorn with its
default loop and HTTP parser, so uvloop and httptools when installed; one worker, no access
log). GET answers a fixed JSON body; POST parses the JSON body and answers it back. Every
scenario's rps is divided by this app's rps at the same connection count.

    python bench/baseline_app.py --port 8001
"""

from __future__ import annotations

import argparse

import orjson

_FIXED = orjson.dumps({"data": [{"id": "1000000000000000001", "Service_Name": "AC Repair"}]})
_HEADERS = [(b"content-type", b"application/json;charset=UTF-8")]


async def app(scope, receive, send):  # type: ignore[no-untyped-def]
    if scope["type"] != "http":  # lifespan: nothing to set up
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
            await receive()
            await send({"type": "lifespan.shutdown.complete"})
        return
    body = _FIXED
    if scope["method"] in ("POST", "PUT"):
        chunks = []
        more = True
        while more:
            message = await receive()
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        body = orjson.dumps(orjson.loads(b"".join(chunks)))
    await send({"type": "http.response.start", "status": 200,
                "headers": [*_HEADERS, (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    # The same call `zcrm-local serve` makes, minus the app.
    uvicorn.run(app, host="127.0.0.1", port=args.port, workers=1, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
