#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages, from Debian's archive:
#   chromium      - the real browser for the browser journeys (Playwright drives /usr/bin/chromium)
#   xmlsec1       - an independent XML-signature verifier for the IdP's responses and metadata
#   openssl       - an independent verifier for the sandbox CA's certificate chains
#   libnss3-tools - certutil, which makes Chromium trust the sandbox root CA (an NSS database in a
#                   temporary HOME) for the --https browser journeys
#   python3-pysaml2, python3-onelogin-saml2
#                 - independent SAML service providers (pysaml2, OneLogin's python3-saml) for the
#                   interop tests, run with Debian's /usr/bin/python3
# npm packages come from `pnpm install`; nothing here downloads a browser from the internet.
set -euo pipefail

# A module is missing when Debian's python cannot import it (a python on PATH may be another one).
python_has() { [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import $1" >/dev/null 2>&1; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v xmlsec1 >/dev/null 2>&1 || missing+=(xmlsec1)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v certutil >/dev/null 2>&1 || missing+=(libnss3-tools)
python_has saml2 || missing+=(python3-pysaml2)
python_has onelogin.saml2 || missing+=(python3-onelogin-saml2)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "test dependencies present: chromium, xmlsec1, openssl, certutil, python3-pysaml2, python3-onelogin-saml2"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Need root to install ${missing[*]} with apt-get (no sudo found). Install them, then rerun." >&2
    exit 1
  fi
fi
echo "installing from Debian: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"
