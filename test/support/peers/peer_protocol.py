"""The JSON-lines loop the SAML peer scripts share: one request line in, one answer line out.

Each request is {"command": name, ...arguments}; each answer is {"ok": true, "value": ...} or
{"ok": false, "error": "..."} when the handler raised. Libraries that print go to stderr, so
stdout carries answers only.
"""
import json
import sys
import traceback


def serve(handlers):
    out = sys.stdout
    sys.stdout = sys.stderr
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            handler = handlers[request.pop("command")]
            answer = {"ok": True, "value": handler(**request)}
        except Exception as error:  # the test reads the failure from the answer
            traceback.print_exc(file=sys.stderr)
            answer = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        out.write(json.dumps(answer, default=str) + "\n")
        out.flush()
