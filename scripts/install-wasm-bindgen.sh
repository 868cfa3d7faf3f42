#!/usr/bin/env bash
# Installs wasm-bindgen-cli at exactly the version given (the one in Cargo.lock).
#
# `cargo install wasm-bindgen-cli --locked` fails for 0.2.130 on these machines: its lockfile pins
# webpki-roots 1.0.11, which the registry refuses. So we unpack the published .crate (fetched by cargo
# itself through a throw-away manifest), move webpki-roots to 1.0.10 and install from that folder with
# the rest of its lockfile kept as published.
set -euo pipefail
version="${1:?usage: install-wasm-bindgen.sh VERSION}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Let cargo download the .crate from crates.io into its own registry cache.
mkdir -p "$work/fetch/src"
cat > "$work/fetch/Cargo.toml" <<TOML
[package]
name = "fetch-wasm-bindgen-cli"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
wasm-bindgen-cli = "=$version"
TOML
echo 'fn main() {}' > "$work/fetch/src/main.rs"
(cd "$work/fetch" && cargo fetch -q 2>/dev/null) || true
crate="$(find "${CARGO_HOME:-$HOME/.cargo}/registry/cache" -name "wasm-bindgen-cli-$version.crate" | head -n 1)"
if [ -z "$crate" ]; then
  echo "install-wasm-bindgen: could not fetch wasm-bindgen-cli $version from crates.io" >&2
  exit 1
fi
tar -xzf "$crate" -C "$work"
src="$work/wasm-bindgen-cli-$version"
cd "$src"
if grep -q 'name = "webpki-roots"' Cargo.lock && grep -A1 'name = "webpki-roots"' Cargo.lock | grep -q '"1.0.11"'; then
  cargo update -q -p webpki-roots@1.0.11 --precise 1.0.10
fi
cargo install --path . --locked --force
