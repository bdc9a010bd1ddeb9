#!/usr/bin/env bash
# Creates or updates the pipes-recovery Datadog monitors and dashboard from the JSON files next to this script,
# with the documented Datadog API calls (https://docs.datadoghq.com/api/latest/monitors/,
# https://docs.datadoghq.com/api/latest/dashboards/). Running it again updates in place: a monitor is found by its
# alarm:<id> tag and its name, the dashboard by its title.
#
#   DD_API_KEY=... DD_APP_KEY=... DD_NOTIFY="@pagerduty-sre @slack-ops" dashboards/datadog/push.sh
#
# DD_SITE (default datadoghq.com; e.g. datadoghq.eu, us5.datadoghq.com) picks the API host; DD_API_URL overrides it
# and must be https:// (plain http:// only to a loopback address, for a local test endpoint or proxy).
# The keys never appear on a command line (where `ps` shows them to every local user): each curl reads them as
# headers from its standard input (-H @-), written there by a shell builtin.
# DD_NOTIFY is required: it is put at the top of every monitor message, and a monitor without a handle notifies nobody.
# DD_LOG_METRICS=1 also creates the log-based metrics of log-metrics/ (the pipesrecovery.* metrics computed from the
# hydrate function's EMF log lines; see dashboards/README.md); an existing one is left as it is.
# Needs bash, curl and jq. The keys need the monitors_write and dashboards_write permissions.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
die() { echo "push.sh: $*" >&2; exit 2; }

for tool in curl jq; do
  command -v "$tool" >/dev/null || die "$tool is required (e.g. apt-get install $tool)"
done
[[ -n "${DD_API_KEY:-}" ]] || die "set DD_API_KEY"
[[ -n "${DD_APP_KEY:-}" ]] || die "set DD_APP_KEY"
# A key is one header value: a space, a line break or a control character would end it and start another header.
[[ "$DD_API_KEY" =~ ^[[:graph:]]+$ ]] || die "DD_API_KEY holds spaces, line breaks or control characters"
[[ "$DD_APP_KEY" =~ ^[[:graph:]]+$ ]] || die "DD_APP_KEY holds spaces, line breaks or control characters"
[[ "${DD_NOTIFY:-}" =~ ^@[^[:space:]]+([[:space:]]@[^[:space:]]+)*$ ]] \
  || die "set DD_NOTIFY to the @-handles to notify, e.g. DD_NOTIFY='@pagerduty-sre @slack-ops'"
[[ "${DD_SITE:-datadoghq.com}" =~ ^[a-z0-9.-]+$ ]] || die "DD_SITE must be a host name such as datadoghq.eu"
api="${DD_API_URL:-https://api.${DD_SITE:-datadoghq.com}}"
# The keys go to whatever this names: TLS only, except to this machine itself (nothing crosses a network).
if [[ "$api" =~ ^https://[A-Za-z0-9.-]+(:[0-9]+)?(/.*)?$ ]]; then
  protocol='=https'
elif [[ "$api" =~ ^http://(localhost|127(\.[0-9]{1,3}){3}|\[::1\])(:[0-9]+)?(/.*)?$ ]]; then
  protocol='=http'
else
  die "DD_API_URL must be https://<host>[:port] (plain http:// only to localhost, 127.x.x.x or [::1]); got: $api"
fi
api="${api%/}"

# The two key headers, for `curl -H @-`. printf is a bash builtin: no process is started with the keys as arguments.
keys() {
  printf 'DD-API-KEY: %s\nDD-APPLICATION-KEY: %s\n' "$DD_API_KEY" "$DD_APP_KEY"
}

# call METHOD PATH [BODY_FILE]: prints the response body; fails with the body on any status but 2xx.
# `Expect:` stops curl from waiting a second for a 100-continue before each body.
call() {
  local out status
  out="$(mktemp)"
  status="$(keys | curl -sS --proto "$protocol" -o "$out" -w '%{http_code}' -X "$1" "$api$2" \
    -H @- -H 'Content-Type: application/json' -H 'Expect:' ${3:+--data-binary "@$3"})"
  if [[ "$status" != 2* ]]; then
    echo "push.sh: $1 $2 -> HTTP $status: $(cat "$out")" >&2
    rm -f "$out"
    exit 1
  fi
  cat "$out"
  rm -f "$out"
}

# exists PATH: true on 200, false on 404, fails on anything else.
exists() {
  local out status
  out="$(mktemp)"
  status="$(keys | curl -sS --proto "$protocol" -o "$out" -w '%{http_code}' "$api$1" -H @-)"
  case "$status" in
    200) rm -f "$out"; return 0 ;;
    404) rm -f "$out"; return 1 ;;
    *) echo "push.sh: GET $1 -> HTTP $status: $(cat "$out")" >&2; rm -f "$out"; exit 1 ;;
  esac
}

body="$(mktemp)"
trap 'rm -f "$body"' EXIT

if [[ "${DD_LOG_METRICS:-0}" == 1 ]]; then
  for file in "$here"/log-metrics/*.json; do
    id="$(jq -r .data.id "$file")"
    if exists "/api/v2/logs/config/metrics/$id"; then
      echo "log-based metric $id exists, left as it is (its compute cannot change; delete it to recreate)"
    else
      call POST /api/v2/logs/config/metrics "$file" >/dev/null
      echo "created log-based metric $id"
    fi
  done
fi

for file in "$here"/monitors/*.json; do
  jq --arg notify "$DD_NOTIFY" '.message = $notify + "\n" + .message' "$file" > "$body"
  name="$(jq -r .name "$file")"
  alarm_tag="$(jq -r '.tags[] | select(startswith("alarm:"))' "$file")"
  id="$(call GET "/api/v1/monitor?monitor_tags=service:pipes-recovery,$alarm_tag" \
    | jq -r --arg name "$name" 'map(select(.name == $name)) | first | .id // empty')"
  if [[ -n "$id" ]]; then
    call PUT "/api/v1/monitor/$id" "$body" >/dev/null
    echo "updated monitor $id  $(basename "$file")"
  else
    id="$(call POST /api/v1/monitor "$body" | jq -r .id)"
    echo "created monitor $id  $(basename "$file")"
  fi
done

title="$(jq -r .title "$here/dashboard.json")"
id="$(call GET /api/v1/dashboard | jq -r --arg title "$title" \
  '.dashboards | map(select(.title == $title)) | first | .id // empty')"
if [[ -n "$id" ]]; then
  call PUT "/api/v1/dashboard/$id" "$here/dashboard.json" >/dev/null
  echo "updated dashboard $id"
else
  id="$(call POST /api/v1/dashboard "$here/dashboard.json" | jq -r .id)"
  echo "created dashboard $id"
fi
