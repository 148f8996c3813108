#!/usr/bin/env bash
# Makes a fresh container ready for the workshop: graphviz for pprof's graph
# views, `workshop` built from this clone with the README's command (Rust comes
# from the devcontainer's rust feature), and a doctor's check.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dot >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo apt-get install -y -qq graphviz
fi

if ! command -v workshop >/dev/null 2>&1; then
    cargo install --locked --path .
    export PATH="$HOME/.cargo/bin:$PATH"
fi

# The first check then finds the standard library and the exercises built.
(cd exercises && go test -count=1 -run '^$' ./... >/dev/null)

workshop doctor
workshop list
