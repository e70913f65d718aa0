#!/usr/bin/env python3
"""Repeats the attacks of issue 12 against your own Leash gateway and MCP server, and prints what held.

Only loopback URLs are accepted, and every write it sends is a dry run: nothing it sends may change your
parameters, and it checks at the end that the version did not move. Rejected proposals still reach the audit
journal, authored "leash-redteam". Run it through tools/redteam.sh; see --help.
"""
import argparse
import http.client
import json
import os
import socket
import sys
import threading
import time
import urllib.parse

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
LEAKS = ("Exception", "\tat ", "at dev.leash", "at java.", "Caused by", "-----BEGIN")
CLIENT = "leash-redteam"
TIMEOUT = 15


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = {k.lower(): v for k, v in headers}
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def ctype(self):
        return self.headers.get("content-type", "")

    def json(self):
        """The body as JSON; for an event stream, the first data: line that holds JSON."""
        if self.ctype().startswith("text/event-stream"):
            for line in self.text.splitlines():
                if line.startswith("data:"):
                    try:
                        return json.loads(line[5:].strip())
                    except ValueError:
                        pass
            return None
        try:
            return json.loads(self.text)
        except ValueError:
            return None

    def __str__(self):
        return str(self.status)


class Target:
    """One loopback HTTP endpoint: scheme, host, port and base path."""

    def __init__(self, url, name):
        u = urllib.parse.urlsplit(url)
        if u.scheme != "http" or u.hostname not in LOOPBACK or u.username or u.password:
            usage("%s must be an http:// URL on 127.0.0.1, localhost or [::1]; got %r" % (name, url))
        self.host = u.hostname
        self.port = u.port or 80
        self.path = u.path.rstrip("/") or ""
        self.hostport = ("[%s]" % self.host if ":" in self.host else self.host) + ":%d" % self.port

    def request(self, method, path, body=None, headers=None, host=None, timeout=TIMEOUT):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            conn.putheader("Host", host or self.hostport)
            for k, v in (headers or {}).items():
                conn.putheader(k, v)
            data = body.encode("utf-8") if isinstance(body, str) else body
            if data is not None:
                conn.putheader("Content-Length", str(len(data)))
            conn.endheaders()
            if data is not None:
                try:
                    conn.send(data)
                except OSError:
                    pass  # the server may refuse and close before reading an oversized body
            r = conn.getresponse()
            return Answer(r.status, r.getheaders(), r.read())
        except (OSError, http.client.HTTPException) as e:
            return Answer(0, [], ("no answer: %s" % e.__class__.__name__).encode())
        finally:
            conn.close()


class Report:
    def __init__(self):
        self.rows = []

    def add(self, target, attack, expected, got, held, note=""):
        self.rows.append((target, attack, expected, str(got), held, note))

    def print(self):
        w = [max(len(r[i]) for r in self.rows + [("target", "attack", "expected", "got")]) for i in range(4)]
        line = "%-*s  %-*s  %-*s  %-*s  %s"
        print(line % (w[0], "target", w[1], "attack", w[2], "expected", w[3], "got", "result"))
        for t, a, e, g, held, note in self.rows:
            print(line % (w[0], t, w[1], a, w[2], e, w[3], g, ("held" if held else "NOT HELD")
                                                                 + ("  (" + note + ")" if note else "")))
        broken = sum(1 for r in self.rows if not r[4])
        print("\n%d attacks, %d held, %d not held" % (len(self.rows), len(self.rows) - broken, broken))
        return broken


def leaks(answer, secrets):
    """Why a body must not be shown: a stack trace marker or a secret in it; None when clean."""
    for marker in LEAKS + tuple(s for s in secrets if s):
        if marker in answer.text:
            return "leaks %r" % (marker if marker in LEAKS else "a token")
    return None


def usage(message):
    print("redteam: " + message, file=sys.stderr)
    sys.exit(2)


def read_token(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return None


# ---------------------------------------------------------------------------------------------------------------
# The gateway's REST API


def gateway_attacks(gw, token, report, secrets, slow_clients):
    def params_version():
        a = gw.request("GET", "/api/params")
        doc = a.json() if a.status == 200 else None
        return doc["params"]["version"] if doc else None

    auth = {"Authorization": "Bearer " + token} if token else {}
    write = dict(auth, **{"Content-Type": "application/json", "X-Leash-Client": CLIENT})
    dry = '{"changes":{"max_position_pct":0.5},"rationale":"red team","dry_run":true}'
    before = params_version()
    if before is None:
        usage("GET http://%s/api/params did not answer with the parameters; is the gateway running?" % gw.hostport)

    def check(attack, expected, answer, problem=True, extra=None):
        why = leaks(answer, secrets)
        if not why and problem and answer.status >= 400 and not answer.ctype().startswith("application/problem+json"):
            why = "not problem+json"
        if not why and extra:
            why = extra(answer)
        report.add("gateway", attack, "/".join(map(str, expected)), answer,
                   answer.status in expected and not why, why or "")

    rebind = "rebind.attacker.example:%d" % gw.port
    check("DNS-rebinding Host, read", [421], gw.request("GET", "/api/params", host=rebind),
          extra=lambda a: "served the parameters" if "max_position_pct" in a.text else None)
    check("DNS-rebinding Host, write", [421], gw.request("PUT", "/api/params", dry, write, host=rebind))
    check("foreign Origin, write", [403],
          gw.request("PUT", "/api/params", dry, dict(write, Origin="https://attacker.example")))
    check("Origin: null, write", [403], gw.request("POST", "/api/trading-mode",
          '{"mode":"paused","rationale":"red team","dry_run":true}', dict(write, Origin="null")))
    check("write without token", [401], gw.request("PUT", "/api/params", dry, {"Content-Type": "application/json"}))
    check("write with a wrong token", [401], gw.request("PUT", "/api/params", dry,
          {"Content-Type": "application/json", "Authorization": "Bearer not-the-token-0123456789"}))
    if not token:
        report.add("gateway", "(token-needing attacks)", "-", "-", False, "no gateway token: pass --data-dir")
        return
    check("oversized body (11 MiB)", [413], gw.request("PUT", "/api/params",
          '{"changes":{},"rationale":"' + "x" * (11 << 20) + '","dry_run":true}', write))
    check("malformed JSON", [400], gw.request("PUT", "/api/params", '{"changes": {"max_position_pct": 0.5,', write))
    check("deep nesting (5000)", [400], gw.request("PUT", "/api/params", "[" * 5000 + "]" * 5000, write))
    for number in ("1e999999", "0.1e+99999999999", "1e-2147483649", "123456789012345678901234567890"):
        check("huge number " + number, [400, 422], gw.request("PUT", "/api/params",
              '{"changes":{"daily_loss_limit_pct":%s},"rationale":"red team","dry_run":true}' % number, write))
    check("unknown top-level field", [400], gw.request("PUT", "/api/params",
          '{"changes":{"max_position_pct":0.5},"rationale":"red team","dry_run":true,"force":true}', write))
    check("unknown parameter field", [422], gw.request("PUT", "/api/params",
          '{"changes":{"max_position_pct_override":50},"rationale":"red team","dry_run":true}', write))
    check("non-JSON Content-Type", [415], gw.request("PUT", "/api/params", dry,
          dict(write, **{"Content-Type": "application/xml"})))
    check("unknown path", [404], gw.request("GET", "/api/orders/cancel-all"))
    check("path traversal", [400, 404], gw.request("GET", "/api/../../../../etc/passwd"),
          extra=lambda a: "served a file" if "root:" in a.text else None)
    check("wrong method", [405], gw.request("DELETE", "/api/params", None, auth))
    check("OAuth discovery path", [404], gw.request("GET", "/.well-known/oauth-authorization-server"))
    gateway_starvation(gw, write, report, slow_clients)
    after = params_version()
    report.add("gateway", "parameters unchanged by all of the above", "version %s" % before, "version %s" % after,
               after == before)


# ---------------------------------------------------------------------------------------------------------------
# The MCP server's Streamable HTTP endpoint

INIT = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
        "capabilities": {}, "clientInfo": {"name": CLIENT, "version": "1"}}}
ACCEPT = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}


def rpc_error(answer):
    doc = answer.json()
    if isinstance(doc, list) and doc:
        doc = doc[0]
    if isinstance(doc, dict) and isinstance(doc.get("error"), dict):
        return doc["error"].get("code")
    if isinstance(doc, dict) and isinstance(doc.get("result"), dict) and doc["result"].get("isError"):
        return "isError"
    return None


def gateway_starvation(gw, headers, report, n):
    """N clients dribbling write bodies must not keep a normal read from answering."""
    d = Dribble(gw, "/api/params", headers, n, method="PUT")
    try:
        start = time.monotonic()
        a = gw.request("GET", "/api/health", timeout=10)
        took = time.monotonic() - start
        report.add("gateway", "%d slow clients, then a read" % len(d.sockets), "200 <= 10s",
                   "%s in %.1fs" % (a.status or "timeout", took), a.status == 200 and took <= 10)
    finally:
        d.close()


def mcp_attacks(mcp, token, report, secrets, slow_bound, slow_clients):
    auth = dict(ACCEPT, Authorization="Bearer " + (token or "none"))
    path = mcp.path or "/mcp"

    def check(attack, expected, answer, extra=None):
        why = leaks(answer, secrets) or (extra(answer) if extra else None)
        report.add("mcp", attack, "/".join(map(str, expected)), answer, answer.status in expected and not why,
                   why or "")

    def expect_rpc(codes):
        return lambda a: None if rpc_error(a) in codes else "no JSON-RPC error %s" % "/".join(map(str, codes))

    rebind = "rebind.attacker.example:%d" % mcp.port
    check("DNS-rebinding Host", [421], mcp.request("POST", path, json.dumps(INIT), auth, host=rebind))
    check("foreign Origin", [403], mcp.request("POST", path, json.dumps(INIT),
                                                 dict(auth, Origin="https://attacker.example")))
    check("no token", [401], mcp.request("POST", path, json.dumps(INIT), ACCEPT))
    for p in ("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource" + path,
              "/.well-known/oauth-authorization-server", "/register"):
        a = mcp.request("POST" if p == "/register" else "GET", p, "{}" if p == "/register" else None,
                        {"Content-Type": "application/json"} if p == "/register" else None)
        check("OAuth discovery " + p, [400, 401, 403, 404], a, lambda a: None
              if a.ctype().startswith("application/json") and "Authorization: Bearer" in a.text
              else "no JSON error naming the Authorization: Bearer header")
    if not token:
        report.add("mcp", "(token-needing attacks)", "-", "-", False, "no MCP token: pass --data-dir")
        return
    check("malformed JSON", [400], mcp.request("POST", path, '{"jsonrpc":"2.0","id":1,', auth), expect_rpc([-32700]))
    check("batch request", [200, 400], mcp.request("POST", path, json.dumps([INIT, INIT]), auth),
          expect_rpc([-32600]))
    check("wrong types (method: 123)", [200, 400], mcp.request("POST", path,
          '{"jsonrpc":"2.0","id":7,"method":123}', auth), expect_rpc([-32600]))
    check("oversized body (4 MiB)", [413], mcp.request("POST", path,
          '{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":"' + "x" * (4 << 20) + '"}}', auth))
    init = mcp.request("POST", path, json.dumps(INIT), auth)
    session = init.headers.get("mcp-session-id")
    if init.status != 200 or not session:
        report.add("mcp", "initialize a session", "200 + Mcp-Session-Id", init, False, "later attacks skipped")
    else:
        s = dict(auth, **{"Mcp-Session-Id": session, "MCP-Protocol-Version": "2025-06-18"})
        mcp.request("POST", path, '{"jsonrpc":"2.0","method":"notifications/initialized"}', s)
        check("non-object tool arguments", [200, 400], mcp.request("POST", path, json.dumps(
            {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "get_state",
                                                                         "arguments": "x"}}), s),
              expect_rpc([-32602, -32600]))
        for attack, args in (("unknown field in tool arguments", {"changes": {"max_position_pct": 0.5},
                                                                     "rationale": "red team", "dry_run": True,
                                                                     "force": True}),
                             ("huge number in tool arguments", {"changes": {"max_position_pct": 1e308 * 10},
                                                                "rationale": "red team", "dry_run": True})):
            body = json.dumps({"jsonrpc": "2.0", "id": 3, "method": "tools/call",
                               "params": {"name": "update_params", "arguments": args}}).replace("Infinity", "1e999999")
            check(attack, [200, 400], mcp.request("POST", path, body, s), expect_rpc([-32602, -32600, "isError"]))
        check("response with an unknown id", [200, 202, 400], mcp.request("POST", path, json.dumps(
            {"jsonrpc": "2.0", "id": "redteam-unknown-id", "result": {}}), s))
        mcp.request("DELETE", path, None, s)
    slow_body(mcp, path, auth, report, slow_bound)
    starvation(mcp, path, auth, report, slow_clients)


class Dribble:
    """Connections that send their headers and then a long body one byte a second, as slowloris does."""

    def __init__(self, mcp, path, headers, n, method="POST"):
        self.sockets = []
        for _ in range(n):
            try:
                s = socket.create_connection((mcp.host, mcp.port), timeout=TIMEOUT)
            except OSError:
                break  # a connection cap refusing more is fine
            head = "%s %s HTTP/1.1\r\nHost: %s\r\nContent-Length: 100000\r\n" % (method, path, mcp.hostport)
            head += "".join("%s: %s\r\n" % kv for kv in headers.items()) + "\r\n"
            try:
                s.sendall(head.encode() + b'{"jsonrpc":"2.0",')
            except OSError:
                s.close()
                continue
            self.sockets.append(s)
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._drip, daemon=True)
        self.thread.start()

    def _drip(self):
        while not self.stopped.wait(1):
            for s in list(self.sockets):
                try:
                    s.send(b" ")
                except OSError:
                    pass

    def close(self):
        self.stopped.set()
        self.thread.join()
        for s in self.sockets:
            s.close()


def slow_body(mcp, path, auth, report, bound):
    """The server must give up on a body that dribbles in, within the bound."""
    attack, expected = "slow body, one byte a second", "closed <= %ds" % bound
    d = Dribble(mcp, path, auth, 1)
    if not d.sockets:
        d.close()
        report.add("mcp", attack, expected, "connect failed", False)
        return
    s = d.sockets[0]
    start = time.monotonic()
    got, held = "open after %ds" % bound, False
    try:
        while time.monotonic() - start < bound:
            s.settimeout(max(0.1, bound - (time.monotonic() - start)))
            data = s.recv(4096)
            took = time.monotonic() - start
            status = data.split(b" ")[1].decode() if data.startswith(b"HTTP/") else "closed"
            got, held = "%s after %.0fs" % (status, took), status != "500"
            break
    except socket.timeout:
        pass
    except OSError:
        got, held = "reset after %.0fs" % (time.monotonic() - start), True
    finally:
        d.close()
    report.add("mcp", attack, expected, got, held)


def starvation(mcp, path, auth, report, n):
    """N dribbling clients must not keep a normal client from initializing."""
    d = Dribble(mcp, path, auth, n)
    try:
        start = time.monotonic()
        a = mcp.request("POST", path, json.dumps(INIT), auth, timeout=10)
        took = time.monotonic() - start
        report.add("mcp", "%d slow clients, then initialize" % len(d.sockets), "200 <= 10s",
                   "%s in %.1fs" % (a.status or "timeout", took), a.status == 200 and took <= 10)
        sid = a.headers.get("mcp-session-id")
        if sid:
            mcp.request("DELETE", path, None, dict(auth, **{"Mcp-Session-Id": sid}))
    finally:
        d.close()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--gateway", default="http://127.0.0.1:7070", help="the gateway's base URL (loopback only)")
    p.add_argument("--mcp", default="http://127.0.0.1:7071/mcp", help="the MCP endpoint (loopback only); none to skip")
    p.add_argument("--data-dir", default=os.environ.get("LEASH_DATA_DIR", "./leash-data"),
                   help="where gateway.token and mcp.token are (default $LEASH_DATA_DIR or ./leash-data)")
    p.add_argument("--gateway-token-file", help="default DATA_DIR/gateway.token, or env LEASH_GATEWAY_TOKEN")
    p.add_argument("--mcp-token-file", help="default DATA_DIR/mcp.token, or env LEASH_MCP_TOKEN")
    p.add_argument("--slow-bound", type=int, default=60, help="seconds a dribbling client may be kept (default 60)")
    p.add_argument("--slow-clients", type=int, default=300, help="dribbling clients at once (default 300)")
    a = p.parse_args()
    gw = Target(a.gateway, "--gateway")
    mcp = None if a.mcp == "none" else Target(a.mcp, "--mcp")
    gw_token = os.environ.get("LEASH_GATEWAY_TOKEN") or read_token(
        a.gateway_token_file or os.path.join(a.data_dir, "gateway.token"))
    mcp_token = os.environ.get("LEASH_MCP_TOKEN") or read_token(
        a.mcp_token_file or os.path.join(a.data_dir, "mcp.token"))
    secrets = [gw_token, mcp_token]
    report = Report()
    gateway_attacks(gw, gw_token, report, secrets, a.slow_clients)
    if mcp:
        mcp_attacks(mcp, mcp_token, report, secrets, a.slow_bound, a.slow_clients)
    broken = report.print()
    sys.exit(1 if broken else 0)


if __name__ == "__main__":
    main()
