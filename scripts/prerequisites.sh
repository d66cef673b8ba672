#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: Node packages of the dev chain (ethers for the
# differential signature tests) and Debian's libsecp256k1 (the fastest signature recovery).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! ldconfig -p 2>/dev/null | grep -q 'libsecp256k1\.so'; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "prerequisites: installing libsecp256k1 (apt)"
    { apt-get install -y -qq libsecp256k1-1 || { apt-get update -qq && apt-get install -y -qq libsecp256k1-1; }; } >/dev/null
  else
    echo "prerequisites: libsecp256k1 is missing; install it (Debian: sudo apt-get install libsecp256k1-1)" >&2
  fi
fi

if [ ! -d "$root/deploy/devchain/node_modules" ] || [ "$root/deploy/devchain/package-lock.json" -nt "$root/deploy/devchain/node_modules" ]; then
  echo "prerequisites: npm ci (deploy/devchain)"
  npm ci --prefix "$root/deploy/devchain" --no-audit --no-fund --loglevel=error
fi
