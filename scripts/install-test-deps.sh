#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages, from Debian's archive:
#   chromium  - the real browser for the browser journeys (Playwright drives /usr/bin/chromium)
#   xmlsec1   - an independent XML-signature verifier for the IdP's responses and metadata
#   openssl   - an independent verifier for the sandbox CA's certificate chains
# npm packages come from `pnpm install`; nothing here downloads a browser from the internet.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v xmlsec1 >/dev/null 2>&1 || missing+=(xmlsec1)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "test dependencies present: chromium, xmlsec1, openssl"
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
