# shellcheck shell=bash
# Builds a small Debian image without Docker Hub: mmdebstrap (--variant=minbase, as root) writes the root file system
# as a tar straight into `docker import`. Documentation, info pages and translations are left out, also of packages
# installed later in a container of the image (dpkg path-exclude); manual pages stay: without /usr/share/man/man1 the
# JDK's postinst fails (update-alternatives links its man pages there). The image's apt sources are Debian's
# (deb.debian.org and security.debian.org) and its package lists are empty, as in Docker's own debian images.
#
#   debian_image [--change INSTRUCTION]... IMAGE SUITE [PACKAGE...]
#       imports IMAGE (e.g. mdnpt-debian:bookworm) from Debian SUITE (bookworm, trixie, ...) with the PACKAGEs added,
#       on the engine docker talks to (DOCKER_HOST), unless that engine already has IMAGE: then it does nothing. Each
#       --change is passed to `docker import --change`; the default command is /bin/bash. Needs root and mmdebstrap
#       (scripts/test --prepare installs it). Example, systemd as PID 1:
#         debian_image --change 'CMD ["/sbin/init"]' --change 'ENV container=docker' \
#           mdnpt-systemd:bookworm bookworm systemd systemd-sysv
#       (Docker 20.10's import refuses STOPSIGNAL: give `docker run --stop-signal SIGRTMIN+3` instead.)
debian_image() {
  local changes=(--change 'CMD ["/bin/bash"]')
  while [[ ${1:-} == --change ]]; do
    changes+=(--change "$2")
    shift 2
  done
  (($# >= 2)) || { echo "usage: debian_image [--change INSTRUCTION]... IMAGE SUITE [PACKAGE...]" >&2; return 2; }
  local image=$1 suite=$2
  shift 2
  docker image inspect "$image" >/dev/null 2>&1 && return 0
  command -v mmdebstrap >/dev/null || { echo "debian_image: mmdebstrap is missing (apt-get install mmdebstrap)" >&2; return 1; }
  local options=()
  (($# == 0)) || options=("--include=$(IFS=,; echo "$*")")
  local dir
  for dir in doc info locale; do
    options+=("--dpkgopt=path-exclude=/usr/share/$dir/*")
  done
  if ! mmdebstrap --variant=minbase --quiet "${options[@]}" "$suite" - | docker import "${changes[@]}" - "$image" >/dev/null; then
    docker image rm -f "$image" >/dev/null 2>&1 || true   # half a root file system must not pass for the image
    echo "debian_image: building $image from Debian $suite failed" >&2
    return 1
  fi
}
