#!/usr/bin/env bash
# Installs whatever is missing for `serve` or `test`, idempotently, from the package registries only
# (crates.io, npm, Debian). Quick when everything is present. Usage: scripts/setup.sh serve|test
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-test}"

# Pinned versions: trunk here; wasm-bindgen from Cargo.lock; binaryen, playwright-core and
# puppeteer-core in package-lock.json; Chromium, Firefox ESR and WebKitGTK from Debian.
TRUNK_VERSION="0.22.1"

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
log() { printf '[setup] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else log "needs root to run: $*"; exit 1
  fi
}

apt_updated=0
apt_install() {
  local missing=() p
  # Installed, not merely known to dpkg (a removed package keeps a "config-files" entry).
  for p in "$@"; do
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" = installed ] || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# 1. System packages. A C toolchain for crates with build scripts; Chromium, its driver and CJK
#    fonts for browser tests and screenshots; Firefox ESR, WebKitGTK's WebDriver (with MiniBrowser)
#    and Xvfb for the cross-engine suite.
command -v cc >/dev/null 2>&1 || apt_install build-essential
command -v pkg-config >/dev/null 2>&1 || apt_install pkg-config
if [ "$mode" = test ]; then
  apt_install chromium chromium-driver fonts-noto-cjk firefox-esr webkit2gtk-driver xvfb
fi

# 2. Rust: the toolchain named in rust-toolchain.toml, with the wasm target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt

# 3. Trunk, built from crates.io without its update check (it never calls out at run time).
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  log "cargo install trunk $TRUNK_VERSION (about 14 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --ignore-rust-version \
    --no-default-features --features rustls
fi

# 4. wasm-bindgen-cli at exactly the version in Cargo.lock.
wb_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ -z "$wb_version" ]; then log "no wasm-bindgen in Cargo.lock"; exit 1; fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb_version" ]; then
  log "installing wasm-bindgen-cli $wb_version"
  scripts/install-wasm-bindgen.sh "$wb_version"
fi

# 5. npm tools (wasm-opt from binaryen; playwright-core and puppeteer-core for end-to-end tests),
#    from the lockfile. Neither downloads a browser: both only drive Debian's.
if ! { [ -x node_modules/.bin/wasm-opt ] && node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q version_132 \
       && [ -f node_modules/playwright-core/package.json ] && [ -f node_modules/puppeteer-core/package.json ] \
       && cmp -s package-lock.json node_modules/.package-lock.json.copy; }; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.package-lock.json.copy
fi

# 6. Crates, so that Trunk's offline build finds them.
cargo fetch --locked -q
if [ "$mode" = test ]; then cargo fetch --locked -q --target wasm32-unknown-unknown; fi
log "ready for $mode"
