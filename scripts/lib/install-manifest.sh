# shellcheck shell=bash
# The list of files scripts/install placed, kept as /opt/mdnp/.installed-files, so that scripts/uninstall (and an
# upgrade, for the tree it replaces) removes exactly those and nothing else. One path a line: relative to /opt/mdnp
# for the application's files (jre/bin/java, bin/mdnp, ...), absolute for the few files placed elsewhere.
#
#   manifest_write APP LIST [ABSOLUTE...]   writes APP/LIST: every file and symlink under APP, then the ABSOLUTEs
#   manifest_remove MANIFEST APP [ROOT]     removes the relative entries under APP, and, with ROOT, the absolute
#                                           ones under ROOT; then APP's directories left empty, the manifest and APP
#                                           when it is empty. A directory is never removed with what it holds.

MANIFEST_NAME=.installed-files
# The only absolute paths a manifest may name: anything else in it is refused, not removed.
MANIFEST_OUTSIDE=(/usr/local/bin/mdnp /etc/systemd/system/mdnp.service /etc/systemd/system/mdnp.socket)

manifest_write() {
  local app="$1" list="$1/$MANIFEST_NAME"
  shift
  (cd "$app" && find . \( -type f -o -type l \) ! -name "$MANIFEST_NAME" -printf '%P\n' | LC_ALL=C sort) >"$list"
  printf '%s\n' "$@" >>"$list"
}

# A manifest's line is refused unless it is one of MANIFEST_OUTSIDE or a plain relative path without '..'.
manifest_entry_ok() {
  local entry="$1" allowed
  if [[ $entry == /* ]]; then
    for allowed in "${MANIFEST_OUTSIDE[@]}"; do
      [[ $entry == "$allowed" ]] && return 0
    done
    return 1
  fi
  [[ -n $entry && "/$entry/" != */../* && "/$entry/" != */./* ]]
}

manifest_remove() {
  local manifest="$1" app="$2" root="${3-}" entry target
  while IFS= read -r entry; do
    if ! manifest_entry_ok "$entry"; then
      echo "manifest: $manifest names $entry, which is not a file mdnp installs: left alone" >&2
      continue
    fi
    if [[ $entry == /* ]]; then
      [[ -n $root ]] || continue
      target="$root$entry"
    else
      target="$app/$entry"
    fi
    if [[ -L $target || -f $target ]]; then
      rm -f -- "$target"
    fi
  done <"$manifest"
  find "$app" -mindepth 1 -depth -type d -empty -delete
  rm -f -- "$manifest"
  rmdir -- "$app" 2>/dev/null || echo "manifest: $app holds files mdnp did not install: left in place" >&2
}
