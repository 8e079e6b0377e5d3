# shellcheck shell=bash
# Builds the local test image (no Docker Hub): `docker import` of a root file system holding Debian's static busybox
# (package busybox-static) with a link per applet. Sourced by e2e-dockerd and demo.
#
#   import_busybox_image IMAGE WORKDIR DOCKER_ARGS...   imports IMAGE unless the engine already has it
import_busybox_image() {
  local image="$1" workdir="$2"
  shift 2
  docker "$@" image inspect "$image" >/dev/null 2>&1 && return 0
  local rootfs applet
  rootfs=$(mktemp -d "$workdir/rootfs.XXXXXX")
  mkdir -p "$rootfs/bin" "$rootfs/etc" "$rootfs/tmp"
  cp /bin/busybox "$rootfs/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [[ $applet == busybox ]] || ln -s busybox "$rootfs/bin/$applet"
  done
  tar -C "$rootfs" -c . | docker "$@" import -c 'CMD ["sh"]' - "$image" >/dev/null
  rm -rf "$rootfs"
}
