#!/usr/bin/env bash
# Builds the gomaasapi flow program offline, in GOPATH mode, against Debian's
# golang-github-juju-gomaasapi-dev (installed by scripts/install-test-packages.sh).
# Usage: tests/clients/gomaasapi/build.sh OUTPUT_DIR   → OUTPUT_DIR/gomaasapi-flow
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 OUTPUT_DIR" >&2
    exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$1"
out="$(cd "$1" && pwd)"

if ! command -v go >/dev/null 2>&1; then
    echo "build.sh: go not found; run scripts/install-test-packages.sh" >&2
    exit 1
fi
if [ ! -d /usr/share/gocode/src/github.com/juju/gomaasapi ]; then
    echo "build.sh: gomaasapi not found under /usr/share/gocode; run scripts/install-test-packages.sh" >&2
    exit 1
fi

# GOPATH mode wants the program inside a GOPATH: a private one under the output directory.
gopath="$out/gopath"
src="$gopath/src/ingot.test/gomaasapi-flow"
mkdir -p "$src"
cp "$here/main.go" "$src/main.go"

cd "$src"
GO111MODULE=off GOPROXY=off GOPATH="/usr/share/gocode:$gopath" GOCACHE="$out/gocache" \
    go build -o "$out/gomaasapi-flow" .
echo "$out/gomaasapi-flow"
