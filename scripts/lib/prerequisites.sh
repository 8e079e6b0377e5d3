# shellcheck shell=bash
# What mdnp's scripts need on a Debian host, in one place, and how they get it: as root, the missing packages are
# installed with apt-get (one line says which); without root nothing is installed and the user is told the command to
# run. Sourced by scripts/mdnp, scripts/test, scripts/e2e-dockerd and scripts/build-plugin (.ci/run runs
# scripts/test).
#
#   prerequisites_ensure WHO RERUN PURPOSE...
#       makes sure everything the PURPOSEs need is there; returns 1 (having said why) when it is not and cannot be.
#       WHO prefixes every message ("mdnp"); RERUN is the command that installs it all when run as root, told to a
#       user without root ("sudo scripts/mdnp serve"). On success, JAVA_HOME is exported when a purpose needs Java.
#
# Purposes, each a list below (mdnp_needs_PURPOSE). An entry is "CHECK PACKAGE": CHECK is a command that must be found
# (on PATH or in /usr/sbin, /sbin), or dpkg:NAME for a package that must be installed; PACKAGE is the Debian package
# that provides it, or alternatives A|B: the first apt can install (Debian 13 moved the docker command to docker-cli).
# Two checks are special and take no package: java (Java 17 or newer) and jdk (a JDK 17 or newer, with javac); both
# install the JDK package chosen by prerequisites_jdk_package. To make something available to a new
# test, add its line to mdnp_needs_test.
# shellcheck disable=SC2034  # the lists are read through a nameref in prerequisites_check
mdnp_needs_run=(java)                                  # run the daemon jar (any mdnp command)
# shellcheck disable=SC2034
mdnp_needs_build=(jdk "mvn maven")                     # build it
# shellcheck disable=SC2034
mdnp_needs_serve=("iptables iptables")                 # the daemon's firewall runs iptables(-save,-restore)
# shellcheck disable=SC2034
mdnp_needs_plugin=(                                    # scripts/build-plugin, beyond build
  "mmdebstrap mmdebstrap"                              # the rootfs
  "zip zip" "unzip unzip"                              # other platforms' natives out of the copied jars
  "strip binutils"                                     # libjvm.so's symbol table
  "jq jq"                                              # config.json
  "docker docker-cli|docker.io"                        # docker plugin create
)
# shellcheck disable=SC2034
mdnp_needs_engine=(                                    # scripts/e2e-dockerd: the private Docker engine
  "dockerd docker.io"
  "docker docker-cli|docker.io"
  "iptables iptables"
  "dpkg:busybox-static busybox-static"                 # the local/busybox test image (scripts/lib/busybox-image.sh)
)
# shellcheck disable=SC2034
mdnp_needs_test=(                                      # what the kernel and end-to-end tests run, beyond the above
  "ip iproute2"                                        # ip netns, ip link: the tests' namespaces and links
  "curl curl"                                          # scripts/demo asks the plugin socket
  "conntrack conntrack"                                # mdnp forgets stale UDP flows of newly published ports
  "mmdebstrap mmdebstrap"                              # Debian images (scripts/lib/debian-image.sh)
  "systemd-socket-activate systemd"                    # socket activation without systemd as PID 1
)

# The oldest Java mdnp runs on (maven.compiler.release in pom.xml).
mdnp_java_min=17
# JDK packages tried, in order, when default-jdk-headless is older than mdnp_java_min: Debian 12 has 17, Debian 13 21.
mdnp_jdk_packages=(openjdk-17-jdk-headless openjdk-21-jdk-headless openjdk-25-jdk-headless)

# Prints the major version of the Java in home $1 (17 for "17.0.15", 8 for "1.8.0_412"), or nothing. It reads the
# release file every JDK and JRE ships; only without one does it start that Java to ask.
prerequisites_java_major() {
  local home=$1 version=""
  if [[ -r $home/release ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  elif [[ -x $home/bin/java ]]; then
    version=$("$home/bin/java" -version 2>&1) || true
    version=$(sed -n 's/.* version "\([^"]*\)".*/\1/p' <<<"$version")
    version=${version%%$'\n'*}
  fi
  version=${version#1.}
  version=${version%%[!0-9]*}
  [[ -n $version ]] && echo "$version"
}

# Prints the home of the Java that command $1 (java or javac) on PATH belongs to, or nothing.
prerequisites_home_of() {
  local path home
  path=$(command -v "$1") || return 0
  home=$(dirname "$(dirname "$(readlink -f "$path")")")
  if [[ ! -x $home/bin/java ]]; then
    # not a JDK's layout (a shim): ask that java where it lives
    home=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.home = //p')
  fi
  [[ -n $home ]] && echo "$home"
}

# Finds a Java for check $1 (java: any Java 17+; jdk: one with javac). On success sets prerequisites_java_home. On
# failure sets prerequisites_problem to what is wrong, and prerequisites_fixable to no when installing a package
# cannot help (JAVA_HOME names an unfit Java: the user chose it).
prerequisites_find_java() {
  local check=$1 tool=java home major candidate best="" best_major=0
  [[ $check == jdk ]] && tool=javac
  prerequisites_java_home="" prerequisites_problem="" prerequisites_fixable=yes
  if [[ -n ${JAVA_HOME:-} ]]; then
    major=$(prerequisites_java_major "$JAVA_HOME")
    if [[ ! -x $JAVA_HOME/bin/$tool ]]; then
      prerequisites_problem="JAVA_HOME=$JAVA_HOME has no bin/$tool$([[ $tool == javac ]] && echo " (a JRE, not a JDK?)")"
    elif ((${major:-0} < mdnp_java_min)); then
      prerequisites_problem="JAVA_HOME=$JAVA_HOME is Java ${major:-of unknown version}; mdnp needs $mdnp_java_min or newer"
    else
      prerequisites_java_home=$JAVA_HOME
      return 0
    fi
    prerequisites_problem+=": point JAVA_HOME at a JDK $mdnp_java_min or newer, or unset it"
    prerequisites_fixable=no
    return 1
  fi
  local wanted="Java $mdnp_java_min or newer"
  [[ $tool == javac ]] && wanted="a JDK $mdnp_java_min or newer"
  home=$(prerequisites_home_of "$tool")
  if [[ -n $home ]]; then
    major=$(prerequisites_java_major "$home")
    if ((${major:-0} >= mdnp_java_min)); then
      prerequisites_java_home=$home
      return 0
    fi
    prerequisites_problem="$wanted ($tool on PATH is Java ${major:-of unknown version}: $home)"
  elif [[ $tool == javac && -n $(prerequisites_home_of java) ]]; then
    prerequisites_problem="$wanted (no javac on PATH: only a JRE, which cannot build)"
  else
    prerequisites_problem="$wanted (no $tool on PATH)"
  fi
  # Not on PATH, or too old there: a fit one installed beside it (the newest) will do.
  for candidate in /usr/lib/jvm/*/; do
    candidate=${candidate%/}
    [[ -x $candidate/bin/$tool && ! -L $candidate ]] || continue
    major=$(prerequisites_java_major "$candidate")
    if ((${major:-0} >= mdnp_java_min && major > best_major)); then
      best=$candidate best_major=$major
    fi
  done
  if [[ -n $best ]]; then
    prerequisites_java_home=$best prerequisites_problem=""
    return 0
  fi
  return 1
}

# True when command $1 is found on PATH or in the sbin directories (not on a normal user's PATH on Debian).
prerequisites_has_command() {
  command -v "$1" >/dev/null || [[ -x /usr/sbin/$1 || -x /sbin/$1 ]]
}

# True when apt has a version of package $1 to install.
prerequisites_installable() {
  local policy
  policy=$(apt-cache policy "$1" 2>/dev/null) || return 1
  [[ $policy =~ Candidate:\ [0-9] ]]
}

# Prints the JDK package apt should install: the one default-jdk-headless stands for when it is Java 17 or newer
# (Debian 12: openjdk-17, Debian 13: openjdk-21), so that Maven's default-jre-headless adds no second Java; else the
# first of mdnp_jdk_packages apt can install. Prints default-jdk-headless when apt knows none (no package lists yet).
prerequisites_jdk_package() {
  local default package
  # Whole outputs are captured before they are read: a reader that stops early (grep -q, head) would let the writer
  # die of SIGPIPE now and then, and pipefail turn that into a failure.
  default=$(apt-cache depends default-jdk-headless 2>/dev/null) || true
  default=$(sed -n 's/^ *Depends: \(openjdk-\([0-9]*\)-jdk-headless\)$/\2 \1/p' <<<"$default")
  default=${default%%$'\n'*}
  if [[ -n $default ]] && ((${default%% *} >= mdnp_java_min)); then
    echo "${default#* }"
    return 0
  fi
  for package in "${mdnp_jdk_packages[@]}"; do
    if prerequisites_installable "$package"; then
      echo "$package"
      return 0
    fi
  done
  echo default-jdk-headless
}

# Prints the package that installs entry $1 of prerequisites_packages: the JDK placeholder's choice, or the first of
# the alternatives A|B that apt can install (the last when apt knows none of them).
prerequisites_package_name() {
  local package alternatives
  if [[ $1 == JDK ]]; then
    prerequisites_jdk_package
    return 0
  fi
  IFS='|' read -r -a alternatives <<<"$1"
  for package in "${alternatives[@]}"; do
    if prerequisites_installable "$package"; then
      echo "$package"
      return 0
    fi
  done
  echo "${alternatives[-1]}"
}

# Prints the packages that install prerequisites_packages, one a line, each once.
prerequisites_package_names() {
  local package
  for package in "${prerequisites_packages[@]}"; do
    prerequisites_package_name "$package"
  done | awk '!seen[$0]++'
}

# Sets prerequisites_missing (what is missing, for people) and prerequisites_packages (what installs it) for the
# purposes $@; prerequisites_unfixable holds problems no package fixes.
prerequisites_check() {
  local purpose entry check package needs_java="" java_check=java
  prerequisites_missing=() prerequisites_packages=() prerequisites_unfixable=() prerequisites_java_home=""
  for purpose in "$@"; do
    local -n list="mdnp_needs_$purpose"
    for entry in "${list[@]}"; do
      check=${entry%% *} package=${entry#* }
      case $check in
        java) needs_java=yes ;;
        jdk) needs_java=yes java_check=jdk ;;
        dpkg:*)
          [[ $(dpkg-query -W -f='${Status}' "${check#dpkg:}" 2>/dev/null) == *"ok installed" ]] ||
            prerequisites_add "${check#dpkg:}" "$package" ;;
        *) prerequisites_has_command "$check" || prerequisites_add "$check" "$package" ;;
      esac
    done
    unset -n list
  done
  [[ -n $needs_java ]] || return 0
  if ! prerequisites_find_java "$java_check"; then
    if [[ $prerequisites_fixable == yes ]]; then
      prerequisites_missing=("$prerequisites_problem" "${prerequisites_missing[@]}")
      prerequisites_packages=(JDK "${prerequisites_packages[@]}")
    else
      prerequisites_unfixable+=("$prerequisites_problem")
    fi
  fi
}

# Records that $1 is missing and package $2 provides it (each package once).
prerequisites_add() {
  prerequisites_missing+=("$1")
  [[ " ${prerequisites_packages[*]} " == *" $2 "* ]] || prerequisites_packages+=("$2")
}

# apt-get update, at most once per run of a script (and of the scripts it starts): the lists of a fresh host are
# empty, and old lists name versions the mirror no longer has.
prerequisites_apt_update() {
  [[ -n ${MDNP_APT_UPDATED:-} ]] && return 0
  apt-get -q update </dev/null || return 1
  export MDNP_APT_UPDATED=1
}

# Installs prerequisites_packages with apt-get, non-interactively, saying so in one line prefixed $1. apt's own output
# goes to a log shown only when it fails.
prerequisites_apt_install() {
  local who=$1 log rc=0 packages
  shift
  log=$(mktemp -t mdnp-apt.XXXXXX)
  export DEBIAN_FRONTEND=noninteractive
  prerequisites_apt_update >"$log" 2>&1 || rc=$?
  if ((rc == 0)); then
    mapfile -t packages < <(prerequisites_package_names)
    echo "$who: installing ${packages[*]} (apt-get)" >&2
    apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 "${packages[@]}" </dev/null \
      >>"$log" 2>&1 || rc=$?
  fi
  if ((rc != 0)); then
    tail -n 25 "$log" >&2
    echo "$who: apt-get failed (exit $rc); its whole output: $log" >&2
    return 1
  fi
  rm -f "$log"
}

prerequisites_ensure() {
  local who=$1 rerun=$2 problem
  shift 2
  prerequisites_check "$@"
  if ((${#prerequisites_unfixable[@]} > 0)); then
    for problem in "${prerequisites_unfixable[@]}"; do echo "$who: $problem" >&2; done
    return 1
  fi
  if ((${#prerequisites_missing[@]} > 0)); then
    local missing
    missing=$(printf '%s, ' "${prerequisites_missing[@]}")
    missing=${missing%, }
    if [[ $EUID -ne 0 ]]; then
      local names
      names=$(prerequisites_package_names | tr '\n' ' ')
      echo "$who: missing: $missing" >&2
      echo "$who: run: $rerun   (as root it installs them: ${names% })" >&2
      return 1
    fi
    if ! command -v apt-get >/dev/null; then
      echo "$who: missing: $missing; apt-get is not here: install them with this system's package manager" >&2
      return 1
    fi
    prerequisites_apt_install "$who" || return 1
    prerequisites_check "$@"
    if ((${#prerequisites_missing[@]} + ${#prerequisites_unfixable[@]} > 0)); then
      echo "$who: still missing after apt-get: ${prerequisites_missing[*]} ${prerequisites_unfixable[*]}" >&2
      return 1
    fi
  fi
  if [[ -n $prerequisites_java_home ]]; then
    export JAVA_HOME=$prerequisites_java_home
  fi
}
