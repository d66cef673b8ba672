#!/usr/bin/env bash
# Starts, stops and reports the two local dev chains (Hardhat 2 nodes), offline, in about a second.
#   ./chains.sh start|stop|restart|status|deploy [l3|side]      (no name: both)
# deploy runs deploy.mjs against each running chain (addresses in run/deployment-<chain id>.json).
# Chains, overridable through the environment or an optional, git-ignored chains.env beside this script:
#   l3    DEVCHAIN_L3_CHAIN_ID=412346   DEVCHAIN_L3_PORT=8547     the Blocktrack L3
#   side  DEVCHAIN_SIDE_CHAIN_ID=412347 DEVCHAIN_SIDE_PORT=8548   a second chain for cross-chain governance
#   DEVCHAIN_HOST=127.0.0.1   DEVCHAIN_BLOCK_TIME=0 (seconds; 0 mines a block per transaction)
# Pid files, logs and Hardhat state live in run/ (git-ignored).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
# shellcheck source=/dev/null
[ -f chains.env ] && . ./chains.env

host="${DEVCHAIN_HOST:-127.0.0.1}"
declare -A chain_id=([l3]="${DEVCHAIN_L3_CHAIN_ID:-412346}" [side]="${DEVCHAIN_SIDE_CHAIN_ID:-412347}")
declare -A port=([l3]="${DEVCHAIN_L3_PORT:-8547}" [side]="${DEVCHAIN_SIDE_PORT:-8548}")
run="$here/run"
cli="$here/node_modules/hardhat/internal/cli/cli.js"

# Hardhat 2 asks for telemetry consent on a TTY and, once consented, sends analytics and shows banners
# fetched from the internet; a dev chain must do neither. CI=true makes Hardhat treat us as non-interactive.
export HARDHAT_DISABLE_TELEMETRY_PROMPT=true CI=true

usage() { echo "usage: $0 start|stop|restart|status|deploy [l3|side]" >&2; exit 2; }

# Prints the chain id (decimal) answered at a URL, or nothing when no node answers.
probe() {
  node -e '
    fetch(process.argv[1], { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: process.argv[2], params: [] }),
      signal: AbortSignal.timeout(1000) })
      .then((r) => r.json()).then((j) => console.log(BigInt(j.result).toString())).catch(() => {});' "$1" "$2"
}

pid_of() {
  local file="$run/$1.pid" pid
  [ -f "$file" ] || return 1
  pid="$(cat "$file")"
  # A pid file can outlive its process and the pid be reused, so check it is still our Hardhat node.
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "hardhat"; then
    echo "$pid"
  else
    rm -f "$file"
    return 1
  fi
}

start() {
  local name="$1" url="http://$host:${port[$1]}" pid answered
  if pid="$(pid_of "$name")"; then echo "$name: already running (pid $pid) at $url"; return 0; fi
  if [ ! -f "$cli" ]; then echo "$name: Hardhat is not installed: run \`npm ci --prefix deploy/devchain\`" >&2; return 1; fi
  answered="$(probe "$url" eth_chainId)"
  if [ -n "$answered" ]; then echo "$name: port ${port[$name]} is taken by another node (chain id $answered)" >&2; return 1; fi
  mkdir -p "$run"
  CHAIN_ID="${chain_id[$name]}" DEVCHAIN_STATE_DIR="$run/hardhat-$name" \
    setsid nohup node "$cli" node --hostname "$host" --port "${port[$name]}" >"$run/$name.log" 2>&1 </dev/null &
  echo $! >"$run/$name.pid"
  for _ in $(seq 1 150); do
    answered="$(probe "$url" eth_chainId)"
    if [ "$answered" = "${chain_id[$name]}" ]; then
      echo "$name: chain ${chain_id[$name]} at $url (pid $(cat "$run/$name.pid"), log run/$name.log)"
      return 0
    fi
    if ! kill -0 "$(cat "$run/$name.pid")" 2>/dev/null; then break; fi
    sleep 0.2
  done
  echo "$name: did not answer at $url; last lines of run/$name.log:" >&2
  tail -n 20 "$run/$name.log" >&2 || true
  stop "$name" >/dev/null
  return 1
}

stop() {
  local name="$1" pid
  if ! pid="$(pid_of "$name")"; then echo "$name: not running"; return 0; fi
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  rm -f "$run/$name.pid"
  echo "$name: stopped (pid $pid)"
}

status() {
  local name="$1" url="http://$host:${port[$1]}" pid
  if pid="$(pid_of "$name")"; then
    echo "$name: running (pid $pid) chain $(probe "$url" eth_chainId) at $url, block $(probe "$url" eth_blockNumber)"
  else
    echo "$name: stopped (chain ${chain_id[$name]}, port ${port[$name]})"
    return 3
  fi
}

[ $# -ge 1 ] || usage
command="$1"
shift
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(l3 side)
for name in "${names[@]}"; do [ -n "${chain_id[$name]+x}" ] || usage; done

code=0
for name in "${names[@]}"; do
  case "$command" in
    start) start "$name" || code=1 ;;
    stop) stop "$name" ;;
    restart) stop "$name"; start "$name" || code=1 ;;
    status) status "$name" || code=3 ;;
    deploy) echo "$name:"; node deploy.mjs --rpc "http://$host:${port[$name]}" || code=1 ;;
    *) usage ;;
  esac
done
exit "$code"
