#!/usr/bin/env bash
# Builds an Evidence Gateway package (docs/package-format.md) with stock tools only:
# sha256sum, stat, zip (Info-ZIP 3.0) and OpenSSL 3. docs/partner-guide.md explains every step;
# OpenSslInteropTest runs this very script, so the guide and the tested recipe cannot drift apart.
#
# Usage:
#   openssl-package.sh EVIDENCE_DIR SIGNER_CERT SIGNER_KEY RECIPIENT_CERT gcm|cbc OUTPUT
#
#   EVIDENCE_DIR    folder with the evidence files; every regular file below it becomes evidence/<path>
#   SIGNER_CERT/KEY the sending agency's signing certificate and private key (PEM)
#   RECIPIENT_CERT  the gateway's encryption certificate (PEM): RSA -> RSAES-OAEP/SHA-256, EC -> ECDH/SHA-256 KDF
#   gcm|cbc         AES-256-GCM (AuthEnvelopedData, preferred) or AES-256-CBC (EnvelopedData)
#   OUTPUT          the package file to write (DER, suffix .p7m)
#
# Manifest values come from the environment (defaults in brackets; see docs/manifest.md):
#   EGW_PACKAGE_ID (required)  lower-case UUID of this package
#   EGW_KIND [EVIDENCE]        MLA_REQUEST, MLA_RESPONSE, EVIDENCE or NOTICE
#   EGW_CREATED_AT [now, UTC]  RFC 3339 timestamp
#   EGW_SENDER_COUNTRY, EGW_SENDER_AGENCY (required)        e.g. KZ, kz-gpo: must match the signer certificate
#   EGW_RECIPIENT_COUNTRY, EGW_RECIPIENT_AGENCY (required)  e.g. UA, ua-pgo
#   EGW_CASE_REFERENCE (required)   the sender's case register number
#   EGW_RELATED_PACKAGE_ID          the request answered; required for MLA_RESPONSE and EVIDENCE
#   EGW_INSTRUMENT [KZ_UA_TREATY_2018]
#   EGW_SUBJECT (required)
#   EGW_LANGUAGE [en]               one BCP 47 tag
#   EGW_SIGNER_CHAIN                optional PEM file of intermediate CA certificates to include (-certfile)
set -euo pipefail

die() { printf 'openssl-package.sh: %s\n' "$*" >&2; exit 1; }

[ $# -eq 6 ] || die "usage: $0 EVIDENCE_DIR SIGNER_CERT SIGNER_KEY RECIPIENT_CERT gcm|cbc OUTPUT"
evidence_dir=$(cd "$1" && pwd -P)
signer_cert=$(realpath "$2")
signer_key=$(realpath "$3")
recipient_cert=$(realpath "$4")
mode=$5
output=$(realpath -m "$6")

case "$mode" in
  gcm) cipher=-aes-256-gcm ;;   # OpenSSL 3 writes AuthEnvelopedData (RFC 5083) for GCM
  cbc) cipher=-aes-256-cbc ;;   # EnvelopedData; for tools without GCM
  *) die "cipher must be gcm or cbc, not '$mode'" ;;
esac

: "${EGW_PACKAGE_ID:?set EGW_PACKAGE_ID}" "${EGW_SENDER_COUNTRY:?}" "${EGW_SENDER_AGENCY:?}"
: "${EGW_RECIPIENT_COUNTRY:?}" "${EGW_RECIPIENT_AGENCY:?}" "${EGW_CASE_REFERENCE:?}" "${EGW_SUBJECT:?}"
kind=${EGW_KIND:-EVIDENCE}
created_at=${EGW_CREATED_AT:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}

# A JSON string: escapes \ and ", refuses control characters (the manifest must be valid JSON).
json() {
  if printf '%s' "$1" | LC_ALL=C grep -q '[[:cntrl:]]'; then die "control character in '$1'"; fi
  local s=${1//\\/\\\\}
  printf '"%s"' "${s//\"/\\\"}"
}

media_type() {
  case "${1,,}" in
    *.txt|*.log) echo text/plain ;;
    *.csv) echo text/csv ;;
    *.json) echo application/json ;;
    *.pdf) echo application/pdf ;;
    *.jpg|*.jpeg) echo image/jpeg ;;
    *.png) echo image/png ;;
    *) echo application/octet-stream ;;
  esac
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Step 1: list the evidence files. Only regular files with printable ASCII names: Info-ZIP 3.0 does not set the
# UTF-8 flag (bit 11) for other names, and the gateway refuses non-ASCII names without it.
if [ -n "$(find "$evidence_dir" ! -type f ! -type d -print -quit)" ]; then
  die "$evidence_dir holds a symbolic link or special file; copy the files themselves"
fi
mapfile -t files < <(cd "$evidence_dir" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
[ ${#files[@]} -gt 0 ] || [ "$kind" != EVIDENCE ] || die "an EVIDENCE package needs at least one file"
for f in "${files[@]}"; do
  if printf '%s' "$f" | LC_ALL=C grep -q '[^ -~]'; then die "rename '$f': use ASCII file names"; fi
done
# The ZIP is built in $work, where evidence/ is a link to the folder, so entry names start with evidence/.
ln -s "$evidence_dir" "$work/evidence"

# Step 2: manifest.json, hashing and measuring every file with sha256sum and stat.
{
  printf '{\n  "formatVersion": 1,\n'
  printf '  "packageId": %s,\n  "kind": %s,\n  "createdAt": %s,\n' \
    "$(json "$EGW_PACKAGE_ID")" "$(json "$kind")" "$(json "$created_at")"
  printf '  "sender": {\n    "country": %s,\n    "agency": %s\n  },\n' \
    "$(json "$EGW_SENDER_COUNTRY")" "$(json "$EGW_SENDER_AGENCY")"
  printf '  "recipient": {\n    "country": %s,\n    "agency": %s\n  },\n' \
    "$(json "$EGW_RECIPIENT_COUNTRY")" "$(json "$EGW_RECIPIENT_AGENCY")"
  printf '  "caseReference": %s,\n' "$(json "$EGW_CASE_REFERENCE")"
  if [ -n "${EGW_RELATED_PACKAGE_ID:-}" ]; then
    printf '  "relatedPackageId": %s,\n' "$(json "$EGW_RELATED_PACKAGE_ID")"
  fi
  printf '  "legalBasis": {\n    "instrument": %s\n  },\n' "$(json "${EGW_INSTRUMENT:-KZ_UA_TREATY_2018}")"
  printf '  "urgency": {\n    "level": "NORMAL"\n  },\n'
  printf '  "subject": %s,\n  "languages": [\n    %s\n  ],\n' "$(json "$EGW_SUBJECT")" "$(json "${EGW_LANGUAGE:-en}")"
  printf '  "items": ['
  separator=''
  for f in "${files[@]}"; do
    sha256=$(sha256sum -b "$work/evidence/$f" | cut -d' ' -f1)
    size=$(stat -L -c %s "$work/evidence/$f")
    printf '%s\n' "$separator"
    cat <<ITEM
    {
      "path": $(json "evidence/$f"),
      "sha256": "$sha256",
      "size": $size,
      "mediaType": "$(media_type "$f")",
      "description": $(json "Evidence file $f"),
      "custody": []
ITEM
    printf '    }'
    separator=','
  done
  if [ ${#files[@]} -gt 0 ]; then printf '\n  ]\n}\n'; else printf ']\n}\n'; fi
} > "$work/manifest.json"

# Step 3: the ZIP. manifest.json first, then the files in the manifest's order. -X: no extra attributes,
# -D: no directory entries, -@: names from stdin (the archive itself goes to a file, never to a pipe:
# written to a pipe, zip adds data descriptors that the gateway refuses on stored entries).
(cd "$work" && printf '%s\n' manifest.json "${files[@]/#/evidence/}" | zip -q -X -D -@ package.zip)

# Step 4: sign. -nodetach: the ZIP travels inside the signature; -binary: bytes as they are;
# -cades: adds the signingCertificateV2 attribute the gateway requires; -nosmimecap: no list of legacy ciphers.
chain=()
if [ -n "${EGW_SIGNER_CHAIN:-}" ]; then chain=(-certfile "$EGW_SIGNER_CHAIN"); fi
openssl cms -sign -binary -nodetach -cades -nosmimecap -md sha256 -outform DER \
  -signer "$signer_cert" -inkey "$signer_key" "${chain[@]}" \
  -in "$work/package.zip" -out "$work/signed.der"
if ! openssl cms -cmsout -print -inform DER -in "$work/signed.der" | grep -q 'signingCertificateV2'; then
  die "this OpenSSL did not add signingCertificateV2 (OpenSSL 3 with -cades is needed)"
fi

# Step 5: encrypt to the gateway. OpenSSL's defaults (RSA PKCS#1 v1.5, OAEP with SHA-1, ECDH with the SHA-1 KDF)
# are refused by the gateway, so the key options are always named.
if openssl x509 -in "$recipient_cert" -noout -text | grep -q 'Public Key Algorithm: rsaEncryption'; then
  keyopts=(-keyopt rsa_padding_mode:oaep -keyopt rsa_oaep_md:sha256)
else
  keyopts=(-keyopt ecdh_kdf_md:sha256)
fi
openssl cms -encrypt -binary "$cipher" -inform DER -outform DER \
  -recip "$recipient_cert" "${keyopts[@]}" \
  -in "$work/signed.der" -out "$output"
