#!/usr/bin/env bash
# Every check, in the order CI runs them (./run.sh test calls this after scripts/setup.sh).
# Fails on the first failing step. Screenshots go to test-results/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
export CARGO_TERM_COLOR=never

step() { printf '\n=== %s\n' "$*"; }
start=$(date +%s)

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --locked --workspace --all-targets -- -D warnings

step "clippy (wasm32)"
cargo clippy --locked --target wasm32-unknown-unknown -p changhe -p story -p render -p web --all-targets -- -D warnings

step "native tests"
cargo test --locked --workspace

step "committed map is what geoprep makes from data/geo"
cargo run --locked -q -p tools --bin geoprep -- data/geo static/data/map.json --check

step "browser tests (wasm-bindgen-test, headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown -p changhe --test browser

step "release build (trunk)"
rm -rf dist
trunk build --release --offline=true

step "size report (budget 150 KB brotli for the first load)"
node scripts/size-report.mjs dist --budget-kb 150

step "end-to-end tests (Playwright + Debian Chromium, release build)"
node --test --test-concurrency=1 tests/e2e/

step "cross-engine suite (Firefox ESR over WebDriver BiDi; WebKit MiniBrowser over WebDriver, under Xvfb)"
node --test --test-concurrency=1 tests/engines/

step "the serve command: trunk serve (as ./run.sh serve runs it) answers with a clean page"
port=$(( 20000 + RANDOM % 20000 ))
serve_log=$(mktemp)
trunk serve --release --offline=true --no-autoreload --address 127.0.0.1 --port "$port" > "$serve_log" 2>&1 &
serve_pid=$!
trap 'kill "$serve_pid" 2>/dev/null || true' EXIT
node scripts/serve-check.mjs "http://127.0.0.1:$port/" || { tail -20 "$serve_log"; exit 1; }
kill "$serve_pid" 2>/dev/null || true

printf '\nall checks passed in %ss\n' "$(( $(date +%s) - start ))"
