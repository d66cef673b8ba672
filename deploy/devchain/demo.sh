#!/usr/bin/env bash
# The cluster mirroring both dev chains, in three commands:
#   eval "$(deploy/devchain/demo.sh)"        # starts l3 and side, deploys, exports the Chains__… settings
#   dotnet run --project Gateway             # the Gateway lists both chains and their watchers at startup
#   curl -s -X POST http://127.0.0.1:5080/daos -H "X-Api-Key: $Gateway__OperatorApiKey" \
#        -H 'content-type: application/json' -d @deploy/devchain/run/demo-dao.json
# Progress goes to stderr; stdout carries only the `export` lines (also saved in run/demo.env). Options are passed to
# demo.mjs: --confirmations N (default 0), --operator-key KEY (default demo-operator-key).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
./chains.sh start >&2
./chains.sh deploy >&2
node demo.mjs "$@"
cat >&2 <<'TEXT'

Exported the Chains settings (saved in deploy/devchain/run/demo.env). Next:
  dotnet run --project Gateway
  curl -s -X POST http://127.0.0.1:5080/daos -H "X-Api-Key: $Gateway__OperatorApiKey" \
       -H 'content-type: application/json' -d @deploy/devchain/run/demo-dao.json
  curl -s http://127.0.0.1:5080/chains
  curl -s "http://127.0.0.1:5080/voters/0x70997970c51812dc3a010c7d01b50e0d17dc79c8/votes?token=btk@412346"
Accounts #1-#4 hold 1000 BTK on each chain, self-delegated: 2000 BTK of votes each in the demo DAO (amounts in wei).
TEXT
