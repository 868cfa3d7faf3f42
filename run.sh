#!/usr/bin/env bash
# The two commands of this project (see README.md):
#   ./run.sh serve   install what is missing, build, and serve the graphic on http://127.0.0.1:8080/
#   ./run.sh test    install what is missing and run every test (what CI runs)
# and two helpers:
#   ./run.sh build   release build into dist/
#   ./run.sh size    release build, then the size report
set -euo pipefail
cd "$(dirname "$0")"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
case "${1:-}" in
  serve)
    scripts/setup.sh serve
    # index.html carries the story and map as data blocks and a text version: bring them up to date.
    cargo run --quiet --locked -p tools --bin textgen
    # No live-reload script: this serves the release build as readers get it (no inline script,
    # no console errors); use `trunk serve` directly for live reload while developing.
    exec trunk serve --release --offline=true --no-autoreload --address 127.0.0.1 --port "${PORT:-8080}"
    ;;
  test)
    scripts/setup.sh test
    exec scripts/check.sh
    ;;
  build)
    scripts/setup.sh serve
    cargo run --quiet --locked -p tools --bin textgen
    exec trunk build --release --offline=true
    ;;
  size)
    scripts/setup.sh serve
    cargo run --quiet --locked -p tools --bin textgen
    trunk build --release --offline=true
    exec node scripts/size-report.mjs dist
    ;;
  *)
    echo "usage: ./run.sh serve|test|build|size" >&2
    exit 2
    ;;
esac
