"""pysaml2 (Debian python3-pysaml2) as a SAML service provider, for the interop tests.

Commands: configure(metadataXml, entityId, acsUrl), authnRequest() -> {url, requestId},
acs(samlResponse, requestId) -> {accepted, nameId, issuer, inResponseTo, attributes} or
{accepted: false, error}. The IdP metadata is read from a file, as a downloaded one would be.
"""
import os
import tempfile

from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.client import Saml2Client
from saml2.config import SPConfig

from peer_protocol import serve

state = {}


def configure(metadataXml, entityId, acsUrl):
    folder = tempfile.mkdtemp(prefix="pysaml2-sp-")
    path = os.path.join(folder, "idp-metadata.xml")
    with open(path, "w", encoding="utf-8") as file:
        file.write(metadataXml)
    config = SPConfig()
    config.load(
        {
            "entityid": entityId,
            "xmlsec_binary": "/usr/bin/xmlsec1",
            "metadata": {"local": [path]},
            "allow_unknown_attributes": True,
            "service": {
                "sp": {
                    "endpoints": {"assertion_consumer_service": [(acsUrl, BINDING_HTTP_POST)]},
                    "want_assertions_signed": True,
                    "want_response_signed": False,
                    "allow_unsolicited": False,
                    "authn_requests_signed": False,
                }
            },
        }
    )
    state["client"] = Saml2Client(config=config)
    idps = list(state["client"].metadata.identity_providers())
    certificates = state["client"].metadata.certs(idps[0], "any", "signing") if idps else []
    return {"identityProviders": idps, "signingCertificates": len(certificates)}


def authnRequest():
    request_id, info = state["client"].prepare_for_authenticate(binding=BINDING_HTTP_REDIRECT)
    return {"url": dict(info["headers"])["Location"], "requestId": request_id}


def acs(samlResponse, requestId):
    try:
        response = state["client"].parse_authn_request_response(
            samlResponse, BINDING_HTTP_POST, outstanding={requestId: "/"}
        )
    except Exception as error:
        return {"accepted": False, "error": f"{type(error).__name__}: {error}"}
    if response is None:
        return {"accepted": False, "error": "pysaml2 returned no response"}
    return {
        "accepted": True,
        "nameId": response.name_id.text,
        "issuer": response.issuer(),
        "inResponseTo": response.in_response_to,
        "attributes": response.ava,
    }


serve({"configure": configure, "authnRequest": authnRequest, "acs": acs})
