"""A pysaml2 IdP driven by the test suite (Debian's python3-pysaml2, run with /usr/bin/python3).

Reads JSON requests on stdin, one a line, and writes one JSON answer a line on stdout (one
process serves a whole test: importing pysaml2 takes seconds):
  {"action": "metadata", ...common}                      -> {"metadata": "<EntityDescriptor ...>"}
  {"action": "response", ...common, "samlRequest": b64,
   "user": {"email", "givenName", "surname"}}            -> {"response": "<?xml ...?><samlp:Response ...>"}
common: entityId, ssoUrl, keyFile, certFile, spMetadata (XML), workDir (for the attribute map).
The Response is what pysaml2 signs and posts: assertion signed (xmlsec1), XML declaration first.
"""
import json
import os
import sys

from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.metadata import entity_descriptor
from saml2.saml import NAME_FORMAT_BASIC, NAMEID_FORMAT_EMAILADDRESS, NameID
from saml2.server import Server
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256

# Webex matches users by an attribute named exactly "uid"; pysaml2 names attributes through an
# attribute map, so this one maps the three claims Webex reads to plain names (basic format).
ATTRIBUTE_MAP = """MAP = {
    "identifier": "urn:oasis:names:tc:SAML:2.0:attrname-format:basic",
    "fro": {"uid": "uid", "givenName": "givenName", "sn": "sn"},
    "to": {"uid": "uid", "givenName": "givenName", "sn": "sn"},
}
"""


def config(request):
    map_dir = os.path.join(request["workDir"], "attribute-maps")
    os.makedirs(map_dir, exist_ok=True)
    with open(os.path.join(map_dir, "__init__.py"), "w") as f:
        f.write("")
    with open(os.path.join(map_dir, "webex.py"), "w") as f:
        f.write(ATTRIBUTE_MAP)
    sp_metadata = os.path.join(request["workDir"], "sp-metadata.xml")
    with open(sp_metadata, "w") as f:
        f.write(request["spMetadata"].lstrip("\ufeff"))
    conf = IdPConfig()
    conf.load(
        {
            "entityid": request["entityId"],
            "service": {
                "idp": {
                    "endpoints": {
                        "single_sign_on_service": [
                            (request["ssoUrl"], BINDING_HTTP_REDIRECT),
                            (request["ssoUrl"], BINDING_HTTP_POST),
                        ]
                    },
                    "name_id_format": [NAMEID_FORMAT_EMAILADDRESS],
                    "policy": {"default": {"lifetime": {"minutes": 15}, "name_form": NAME_FORMAT_BASIC}},
                    "sign_assertion": True,
                }
            },
            "key_file": request["keyFile"],
            "cert_file": request["certFile"],
            "metadata": {"local": [sp_metadata]},
            "attribute_map_dir": map_dir,
            "xmlsec_binary": "/usr/bin/xmlsec1",
        }
    )
    return conf


def answer(request):
    conf = config(request)
    if request["action"] == "metadata":
        return {"metadata": str(entity_descriptor(conf))}
    server = Server(config=conf)
    parsed = server.parse_authn_request(request["samlRequest"], BINDING_HTTP_POST)
    args = server.response_args(parsed.message, [BINDING_HTTP_POST])
    user = request["user"]
    response = server.create_authn_response(
        {"uid": [user["email"]], "givenName": [user["givenName"]], "sn": [user["surname"]]},
        userid=user["email"],
        name_id=NameID(format=NAMEID_FORMAT_EMAILADDRESS, text=user["email"]),
        authn={
            "class_ref": "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
            "authn_auth": request["entityId"],
        },
        sign_assertion=True,
        sign_response=False,
        sign_alg=SIG_RSA_SHA256,
        digest_alg=DIGEST_SHA256,
        **args,
    )
    return {"response": str(response)}


def main():
    for line in sys.stdin:
        try:
            reply = answer(json.loads(line))
        except Exception as error:  # reported to the test, which fails with it
            reply = {"error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
