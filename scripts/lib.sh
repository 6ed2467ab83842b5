# Shared by the scripts in this folder: paths, PATH and small helpers. Sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_DIR="$ROOT/tests/e2e"
export PATH="$HOME/.cargo/bin:$NODE_DIR/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
# The release build the end-to-end tests and the benchmark share (kept apart from the
# dist/ that `trunk serve` writes, so serving and testing never trample each other).
RELEASE_DIST="$ROOT/target/dist"
# The same code built for a sub-path, and a second version of it (the hosting tests).
RELEASE_DIST_SUB="$ROOT/target/dist-sub"
RELEASE_DIST_NEXT="$ROOT/target/dist-next"

# The end-to-end files that deal with dates (reminders, history, progress, the 20-minute
# check, the walking plan, routines, backups): run again in far time zones.
DATE_TESTS=(history.test.mjs progress.test.mjs routines.test.mjs data.test.mjs own.test.mjs)

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

# The release again, under the sub-path /steadyback/ and as a second version (a label
# mixed into its version): each reuses the compiled and optimised wasm (the wasm-opt
# results are kept by their input), so about 5 s each.
hosting_builds() {
  say "Release builds for the hosting tests → ${RELEASE_DIST_SUB#"$ROOT/"}, ${RELEASE_DIST_NEXT#"$ROOT/"}"
  (cd "$ROOT" && trunk build --release --public-url /steadyback/ --dist "$RELEASE_DIST_SUB")
  (cd "$ROOT" && STEADYBACK_BUILD_LABEL=next trunk build --release --dist "$RELEASE_DIST_NEXT")
}
