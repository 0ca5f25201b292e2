"""OneLogin's python3-saml (Debian python3-onelogin-saml2) as a SAML service provider, for the
interop tests, in strict mode with its default security settings plus signed assertions.

Commands: configure(metadataXml, entityId, acsUrl) -> the IdP settings read from the metadata,
authnRequest() -> {url, requestId}, acs(samlResponse, requestId) -> {accepted, nameId,
nameIdFormat, sessionIndex, attributes} or {accepted: false, error}.
"""
from urllib.parse import urlparse

from onelogin.saml2.auth import OneLogin_Saml2_Auth
from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser
from onelogin.saml2.settings import OneLogin_Saml2_Settings

from peer_protocol import serve

state = {}


def request_data(acs_url):
    url = urlparse(acs_url)
    https = url.scheme == "https"
    return {
        "https": "on" if https else "off",
        "http_host": url.hostname,
        "server_port": url.port or (443 if https else 80),
        "script_name": url.path,
        "get_data": {},
        "post_data": {},
    }


def configure(metadataXml, entityId, acsUrl):
    idp = OneLogin_Saml2_IdPMetadataParser.parse(metadataXml)
    sp = {
        "strict": True,
        "sp": {
            "entityId": entityId,
            "assertionConsumerService": {
                "url": acsUrl,
                "binding": "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST",
            },
        },
        "security": {"wantAssertionsSigned": True},
    }
    state["settings"] = OneLogin_Saml2_Settings(
        OneLogin_Saml2_IdPMetadataParser.merge_settings(sp, idp), sp_validation_only=True
    )
    state["request"] = request_data(acsUrl)
    return idp["idp"]


def authnRequest():
    auth = OneLogin_Saml2_Auth(state["request"], state["settings"])
    url = auth.login()
    return {"url": url, "requestId": auth.get_last_request_id()}


def acs(samlResponse, requestId):
    auth = OneLogin_Saml2_Auth(
        {**state["request"], "post_data": {"SAMLResponse": samlResponse}}, state["settings"]
    )
    auth.process_response(request_id=requestId)
    if auth.get_errors() or not auth.is_authenticated():
        return {"accepted": False, "error": f"{auth.get_errors()}: {auth.get_last_error_reason()}"}
    return {
        "accepted": True,
        "nameId": auth.get_nameid(),
        "nameIdFormat": auth.get_nameid_format(),
        "sessionIndex": auth.get_session_index(),
        "attributes": auth.get_attributes(),
    }


serve({"configure": configure, "authnRequest": authnRequest, "acs": acs})
