# Shared by the scripts in this folder: paths, PATH and small helpers. Sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_DIR="$ROOT/tests/e2e"
export PATH="$HOME/.cargo/bin:$NODE_DIR/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
# The release build the end-to-end tests and the benchmark share (kept apart from the
# dist/ that `trunk serve` writes, so serving and testing never trample each other).
RELEASE_DIST="$ROOT/target/dist"

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The wasm-bindgen version Cargo.lock resolved; the CLI must match it exactly.
locked_wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

release_build() {
  say "Release build → ${RELEASE_DIST#"$ROOT/"}"
  (cd "$ROOT" && trunk build --release --dist "$RELEASE_DIST")
}
