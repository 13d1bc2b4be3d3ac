#!/usr/bin/env bash
# Clones every repository of corpus/repos.tsv at its pinned commit into DIR/<name>, the layout
# `npm run corpus -- --root DIR` reads. Checkouts already at their commit are left alone; one
# repository failing does not stop the others (the exit code says whether any failed).
set -euo pipefail

if [ $# -lt 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  echo "usage: corpus/checkout.sh DIR [REPOS_TSV]   (REPOS_TSV defaults to corpus/repos.tsv)" >&2
  exit 2
fi
root=$1
repos=${2:-"$(dirname "$0")/repos.tsv"}
[ -f "$repos" ] || { echo "checkout.sh: $repos not found" >&2; exit 2; }
mkdir -p "$root"

# Blobless clones: history without file contents; checkout fetches only the pinned tree.
clone() {
  local name=$1 repo=$2 commit=$3 dest=$4
  git clone -q --filter=blob:none --no-checkout "https://github.com/$repo.git" "$dest" &&
    git -C "$dest" -c advice.detachedHead=false checkout -q "$commit"
}

# An existing clone at another commit: fetch the commit if it is not there yet, then check it out.
move() {
  local commit=$1 dest=$2
  git -C "$dest" cat-file -e "$commit^{commit}" 2>/dev/null || git -C "$dest" fetch -q origin "$commit" || git -C "$dest" fetch -q origin
  git -C "$dest" -c advice.detachedHead=false checkout -q "$commit"
}

one() {
  local name=$1 repo=$2 commit=$3
  local dest="$root/$name"
  if [ -d "$dest/.git" ]; then
    local head
    head=$(git -C "$dest" rev-parse HEAD 2>/dev/null || echo none)
    if [ "$head" = "$commit" ]; then
      echo "$name: already at $commit"
      return 0
    fi
    echo "$name: at $head, checking out $commit"
    move "$commit" "$dest"
  elif [ -e "$dest" ]; then
    echo "$name: $dest exists but is not a git checkout; move it away" >&2
    return 1
  else
    echo "$name: cloning https://github.com/$repo at $commit"
    clone "$name" "$repo" "$commit" "$dest"
  fi
}

failed=0
total=0
while IFS=$'\t' read -r name repo commit _rest; do
  [ -n "$name" ] || continue
  total=$((total + 1))
  if ! one "$name" "$repo" "$commit"; then
    echo "$name: FAILED ($repo @ $commit)" >&2
    failed=$((failed + 1))
  fi
done < <(tail -n +2 "$repos")

echo "checkout.sh: $((total - failed)) of $total repositories at their pinned commit in $root"
[ "$failed" -eq 0 ]
