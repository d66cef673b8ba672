#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: Node packages of the dev chain (ethers for the
# differential signature tests), Debian's libsecp256k1 (the fastest signature recovery), Debian's
# PostgreSQL server binaries (the storage tests start their own throwaway server from them; no system
# service is used or needed), Debian's chromium (the web app's browser tests drive it headless), kubectl (Debian's
# kubernetes-client: the manifest tests render deploy/k8s with its kustomize), iproute2 (network namespaces for the
# virtual-host proofs) and the Node packages that validate the rendered manifests (deploy/k8s/validate).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Installs Debian packages as root, refreshing the package lists only when the first attempt fails.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  { apt-get install -y -qq --no-install-recommends "$@" || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@"; }; } >/dev/null
}

can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }

if ! ldconfig -p 2>/dev/null | grep -q 'libsecp256k1\.so'; then
  if can_apt; then
    echo "prerequisites: installing libsecp256k1 (apt)"
    apt_install libsecp256k1-1
  else
    echo "prerequisites: libsecp256k1 is missing; install it (Debian: sudo apt-get install libsecp256k1-1)" >&2
  fi
fi

if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  if can_apt; then
    echo "prerequisites: installing postgresql (apt)"
    apt_install postgresql
  else
    echo "prerequisites: PostgreSQL server binaries are missing and the storage tests will fail;" \
         "install them (Debian: sudo apt-get install postgresql)" >&2
  fi
fi

if [ ! -x /usr/bin/chromium ]; then
  if can_apt; then
    echo "prerequisites: installing chromium (apt)"
    apt_install chromium
  else
    echo "prerequisites: /usr/bin/chromium is missing and the browser tests will fail;" \
         "install it (Debian: sudo apt-get install chromium)" >&2
  fi
fi

# iproute2's ip: the virtual-host proofs (Category=Hosts) put each process in a network namespace of its own (as root).
if ! command -v ip >/dev/null; then
  if can_apt; then
    echo "prerequisites: installing iproute2 (apt)"
    apt_install iproute2
  else
    echo "prerequisites: ip (iproute2) is missing; the virtual-host proofs will be skipped" >&2
  fi
fi

# Any kubectl will do (a cloud SDK's included); Debian's package would clash with one installed another way.
if ! command -v kubectl >/dev/null; then
  if can_apt; then
    echo "prerequisites: installing kubernetes-client (apt)"
    apt_install kubernetes-client
  else
    echo "prerequisites: kubectl is missing and the manifest tests will fail;" \
         "install it (Debian: sudo apt-get install kubernetes-client)" >&2
  fi
fi

if [ ! -d "$root/deploy/k8s/validate/node_modules" ] || [ "$root/deploy/k8s/validate/package-lock.json" -nt "$root/deploy/k8s/validate/node_modules" ]; then
  echo "prerequisites: npm ci (deploy/k8s/validate)"
  npm ci --prefix "$root/deploy/k8s/validate" --no-audit --no-fund --loglevel=error
fi

if [ ! -d "$root/deploy/devchain/node_modules" ] || [ "$root/deploy/devchain/package-lock.json" -nt "$root/deploy/devchain/node_modules" ]; then
  echo "prerequisites: npm ci (deploy/devchain)"
  npm ci --prefix "$root/deploy/devchain" --no-audit --no-fund --loglevel=error
fi
