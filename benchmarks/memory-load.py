#!/usr/bin/env python3
"""Bounded loopback load for benchmarks/memory.sh: REST GETs on the gateway, or MCP tools/call over Streamable HTTP.

  memory-load.py rest PORT COUNT [CONNS]    # COUNT GETs cycling /api/state, /api/positions, /api/params, over
                                            # CONNS concurrent connections (default 8)
  memory-load.py mcp PORT COUNT TOKEN_FILE  # initialize, then COUNT tools/call get_positions

Keep-alive connections, a 10 s timeout per request and a 600 s bound on the whole load; exits non-zero with the
status on the first non-200 answer. Prints "<count> requests in <s> s" to stdout.
"""
import http.client
import json
import sys
import threading
import time

TIMEOUT_S = 10
BOUND_S = 600


def rest(port, count, conns):
    errors = []

    def one(n):
        try:
            rest_on_one_connection(port, n)
        except BaseException as e:  # SystemExit from a bad status, or a socket error
            errors.append(str(e))

    threads = [threading.Thread(target=one, args=(count // conns + (1 if i < count % conns else 0),))
               for i in range(conns)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        sys.exit(errors[0])


def rest_on_one_connection(port, count):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT_S)
    paths = ["/api/state", "/api/positions", "/api/params"]
    deadline = time.monotonic() + BOUND_S
    for i in range(count):
        path = paths[i % len(paths)]
        conn.request("GET", path)
        resp = conn.getresponse()
        resp.read()
        if resp.status != 200:
            sys.exit(f"GET {path} answered {resp.status}")
        if time.monotonic() > deadline:
            sys.exit(f"stopped after {i + 1} requests: over {BOUND_S} s")
    conn.close()


def mcp(port, count, token_file):
    with open(token_file, encoding="utf-8") as f:
        token = f.read().strip()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT_S)
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json",
               "Accept": "application/json, text/event-stream"}

    def post(body, expect):
        conn.request("POST", "/mcp", body=json.dumps(body), headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        if resp.status != expect:
            sys.exit(f"{body.get('method')} answered {resp.status}")
        return resp, data

    resp, _ = post({"jsonrpc": "2.0", "id": 0, "method": "initialize",
                    "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                               "clientInfo": {"name": "memory-bench", "version": "1"}}}, 200)
    session = resp.getheader("Mcp-Session-Id")
    if session:
        headers["Mcp-Session-Id"] = session
    post({"jsonrpc": "2.0", "method": "notifications/initialized"}, 202)
    deadline = time.monotonic() + BOUND_S
    for i in range(1, count + 1):
        _, data = post({"jsonrpc": "2.0", "id": i, "method": "tools/call",
                        "params": {"name": "get_positions", "arguments": {}}}, 200)
        if b'"isError":true' in data or b'"error"' in data[:40]:
            sys.exit("get_positions failed: " + data[:200].decode("utf-8", "replace"))
        if time.monotonic() > deadline:
            sys.exit(f"stopped after {i} calls: over {BOUND_S} s")
    conn.close()


def main():
    mode, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    start = time.monotonic()
    if mode == "rest":
        rest(port, count, int(sys.argv[4]) if len(sys.argv) > 4 else 8)
    elif mode == "mcp":
        mcp(port, count, sys.argv[4])
    else:
        sys.exit("mode must be rest or mcp")
    print(f"{count} requests in {time.monotonic() - start:.1f} s")


if __name__ == "__main__":
    main()
