#!/usr/bin/env bash
# Property-based API testing: starts koers with demo data on a free port and lets schemathesis
# generate valid and invalid requests for every operation, as a beheerder and as the
# platformbeheerder. Usage: schemathesis.sh <koers binary> [examples per operation]
# `schemathesis.sh --install` only installs the Python test tools (into tests/contract/.venv):
# schemathesis, and aiosmtpd, the SMTP server of the API's mail tests.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv"

if [ ! -x "$venv/bin/schemathesis" ] || ! "$venv/bin/python" -c 'import aiosmtpd' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi
[ "${1:-}" = "--install" ] && exit 0

bin="$(realpath "$1")"
examples="${2:-15}"

data="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
KOERS_DATA_DIR="$data" KOERS_DEMO=true KOERS_BIND="127.0.0.1:$port" RUST_LOG=warn "$bin" > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT

for _ in $(seq 1 100); do
  curl -fs "$base/health/ready" > /dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "$base/health/ready" > /dev/null || { echo "koers did not start:" >&2; cat "$data/server.log" >&2; exit 1; }

token() {
  curl -fs -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\": \"$1\", \"password\": \"koers-demo-2026\"}" \
    | python3 -c 'import sys, json; print(json.load(sys.stdin)["accessToken"])'
}

# The two roles run side by side against the one server; each run's report is printed whole when
# it is done. The beheerder's run covers every operation. The platformbeheerder's covers what that
# role may do (the SWV's, gemeenten, users and clients of every SWV, its own profile): elsewhere it
# gets only 403, which the API tests check per operation and role
# (authz::every_operation_answers_by_the_role_table).
roles=(beheer@swv-zk.example platform@koers.example)
declare -A only=(
  [beheer@swv-zk.example]='^/'
  [platform@koers.example]='^/((samenwerkingsverbanden|gemeenten|gebruikers|clients)(/|$)|auth/me$)'
)
pids=()
for who in "${roles[@]}"; do
  # Logout and refresh would revoke or rotate the session the run itself uses.
  (
    echo "== schemathesis as $who ($examples examples per operation)"
    "$venv/bin/schemathesis" run "$base/api/v1/openapi.json" --url "$base/api/v1" \
      -H "Authorization: Bearer $(token "$who")" \
      --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance \
      --mode all --max-examples "$examples" --seed 42 \
      --include-path-regex "${only[$who]}" \
      --exclude-path-regex '^/auth/(logout|refresh)$' \
      --no-color
  ) > "$data/$who.log" 2>&1 &
  pids+=("$!")
done
status=0
for i in "${!roles[@]}"; do
  wait "${pids[$i]}" || status=1
  cat "$data/${roles[$i]}.log"
done
if grep -q "panicked" "$data/server.log"; then
  echo "the server panicked during the run:" >&2
  grep -A3 panicked "$data/server.log" >&2
  status=1
fi
exit $status
