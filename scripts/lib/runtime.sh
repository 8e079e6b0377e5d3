# shellcheck shell=bash
# The packaged daemon's runtime, in one place for scripts/install and scripts/build-plugin: a jlink-made Java runtime
# with only the modules mdnp needs, the application jars, the JVM options and an AppCDS archive made by a training
# run at build time (the archive is bound to the JVM build, the jar paths and their mtimes, so it is made where the
# files will be used, under their final paths).
#
# Layout of an application directory (APP, e.g. /opt/mdnp or ROOTFS/opt/mdnp):
#   APP/jre/                  the runtime (jlink, with its base CDS archive)
#   APP/mdnp-daemon.jar       the daemon and CLI; its manifest's Class-Path names lib/*.jar
#   APP/lib/*.jar             dependencies
#   APP/jvm.options           the JVM options (an @argfile for java), from packaging/jvm.options
#   APP/mdnp.jsa              the AppCDS archive (made by runtime_train)
#
#   runtime_modules                       prints the module list (checked against jdeps by runtime_build)
#   runtime_build REPO APP                builds the daemon (incrementally), then the runtime and the application into APP
#   runtime_train APP INSTALLED_PATH      training run: the daemon under INSTALLED_PATH (APP bind-mounted there in a
#                                         private mount namespace, so it may differ from APP) in a private network
#                                         namespace answers a few calls of every kind, then stops; the JVM writes
#                                         APP/mdnp.jsa as it exits
#   runtime_java_command INSTALLED_PATH   prints the java command line (without the daemon's arguments) for a
#                                         runtime installed at INSTALLED_PATH, one word per line

# java.desktop is referenced by micrometer-core but never used by the daemon: left out it saves 10 MiB and every
# X11 library (packaging-feasibility.md §3). jdk.net: SO_PEERCRED. jdk.management: the JVM metrics.
RUNTIME_MODULES="java.base,java.naming,java.security.jgss,java.security.sasl,java.sql,jdk.management,jdk.net,jdk.unsupported"

runtime_say() { echo "runtime: $*" >&2; }

runtime_modules() { echo "$RUNTIME_MODULES"; }

# Fails when the daemon needs a module the list lacks (a new dependency): the list is kept by hand, jdeps checks it.
runtime_check_modules() {
  local jar="$1" needed module
  needed=$(jdeps --multi-release 17 --print-module-deps --ignore-missing-deps \
             --class-path "$(dirname "$jar")/lib/*" "$jar")
  for module in ${needed//,/ }; do
    [[ $module == java.desktop ]] && continue
    [[ ",$RUNTIME_MODULES," == *",$module,"* ]] && continue
    runtime_say "the daemon needs module $module, which RUNTIME_MODULES in scripts/lib/runtime.sh lacks"
    return 1
  done
}

runtime_build() {
  local repo="$1" app="$2" jar
  jar="$repo/daemon/target/mdnp-daemon.jar"
  runtime_say "building the daemon (Maven, incremental)"
  mvn -q -B -f "$repo/pom.xml" -pl daemon -am -DskipTests package >&2
  runtime_check_modules "$jar"
  rm -rf "$app/jre" "$app/lib" "$app/mdnp-daemon.jar" "$app/mdnp.jsa"
  mkdir -p "$app/lib"
  jlink --add-modules "$RUNTIME_MODULES" --strip-debug --no-header-files --no-man-pages --compress=2 \
        --generate-cds-archive --output "$app/jre"
  # Only used with heaps over 32 GiB.
  rm -f "$app/jre/lib/server/classes_nocoops.jsa"
  cp "$jar" "$app/mdnp-daemon.jar"
  cp "$repo"/daemon/target/lib/*.jar "$app/lib/"
  cp "$repo/packaging/jvm.options" "$app/jvm.options"
}

runtime_java_command() {
  local installed="$1"
  printf '%s\n' "$installed/jre/bin/java" "@$installed/jvm.options" "-XX:SharedArchiveFile=$installed/mdnp.jsa" \
    -jar "$installed/mdnp-daemon.jar"
}

# The training run loads what a real start and the common calls load: the state store, netlink, the firewall probe,
# both servers, and the handlers of network, endpoint and address calls (a bridge and a veth in the private network
# namespace, gone with it). It runs under INSTALLED_PATH so that the archive's recorded paths are the real ones.
runtime_train() {
  local app="$1" installed="$2" work
  work=$(mktemp -d /var/tmp/mdnp-train.XXXXXX)
  mkdir -p "$work/plugins"
  local -a java
  mapfile -t java < <(runtime_java_command "$installed")
  java[2]="-XX:ArchiveClassesAtExit=$installed/mdnp.jsa"
  # Private mount namespace: a tmpfs over INSTALLED_PATH's parent holds the bind mount, so nothing of the host's
  # file system is changed; private network namespace: the bridge and veth of the training calls vanish with it.
  unshare -m -n --propagation private -- bash -s -- "$app" "$installed" "$work" "${java[@]}" <<'TRAIN' >&2
set -euo pipefail
app="$1" installed="$2" work="$3"; shift 3
parent=$(dirname "$installed")
if [[ "$(realpath "$app")" != "$(realpath -m "$installed")" ]]; then
  [[ -d $parent ]] || { echo "runtime: $parent does not exist on this host: cannot train for $installed" >&2; exit 1; }
  mkdir -p "$work/over"
  mount -t tmpfs mdnp-train "$work/over"
  mkdir -p "$work/over/$(basename "$installed")"
  mount --bind "$app" "$work/over/$(basename "$installed")"
  mount --rbind "$work/over" "$parent"
fi
ip link set lo up
"$@" serve --name mdnptrain --plugin-dir "$work/plugins" --state-dir "$work/state" \
  --inspect-socket "$work/inspect.sock" --docker-host "unix://$work/no-docker.sock" --shutdown-grace 2s \
  >"$work/daemon.log" 2>&1 &
pid=$!
# Stopped on every way out, also when a caller's pipe closes early: an archive is written only at the JVM's exit.
trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid" || true' EXIT
sock="$work/plugins/mdnptrain.sock"
call() { curl -sS --max-time 10 --unix-socket "$sock" -H 'Content-Type: application/json' -X POST -d "$2" "http://plugin/$1"; echo; }
for _ in $(seq 1 600); do
  call Plugin.Activate '{}' 2>/dev/null | grep -q Implements && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/daemon.log"; exit 1; }
  sleep 0.05
done
call NetworkDriver.GetCapabilities '{}'
call IpamDriver.GetCapabilities '{}'
call IpamDriver.GetDefaultAddressSpaces '{}'
pool=$(call IpamDriver.RequestPool '{"AddressSpace":"MdnpLocal","Pool":"10.255.254.0/24","Options":{},"V6":false}')
echo "$pool"
pool_id=$(sed -n 's/.*"PoolID":"\([^"]*\)".*/\1/p' <<<"$pool")
call IpamDriver.RequestAddress "{\"PoolID\":\"$pool_id\",\"Address\":\"10.255.254.1\",\"Options\":{\"RequestAddressType\":\"com.docker.network.gateway\"}}"
call IpamDriver.RequestAddress "{\"PoolID\":\"$pool_id\",\"Address\":\"\",\"Options\":{}}"
net=mdnptrain0000000000000000000000000000000000000000000000000000001
ep=mdnptrain0000000000000000000000000000000000000000000000000000002
call NetworkDriver.CreateNetwork "{\"NetworkID\":\"$net\",\"Options\":{\"com.docker.network.enable_ipv6\":false,\"com.docker.network.generic\":{}},\"IPv4Data\":[{\"AddressSpace\":\"LocalDefault\",\"Gateway\":\"10.255.254.1/24\",\"Pool\":\"10.255.254.0/24\"}],\"IPv6Data\":[]}"
call NetworkDriver.CreateEndpoint "{\"NetworkID\":\"$net\",\"EndpointID\":\"$ep\",\"Interface\":{\"Address\":\"10.255.254.2/24\",\"AddressIPv6\":\"\",\"MacAddress\":\"\"},\"Options\":{}}"
call NetworkDriver.EndpointOperInfo "{\"NetworkID\":\"$net\",\"EndpointID\":\"$ep\"}"
call NetworkDriver.Join "{\"NetworkID\":\"$net\",\"EndpointID\":\"$ep\",\"SandboxKey\":\"/var/run/docker/netns/mdnptrain\",\"Options\":{}}"
call NetworkDriver.ProgramExternalConnectivity "{\"NetworkID\":\"$net\",\"EndpointID\":\"$ep\",\"Options\":{\"com.docker.network.portmap\":[{\"Proto\":6,\"IP\":\"\",\"Port\":80,\"HostIP\":\"\",\"HostPort\":0,\"HostPortEnd\":0}]}}"
call NetworkDriver.RevokeExternalConnectivity "{\"NetworkID\":\"$net\",\"EndpointID\":\"$ep\"}"
call NetworkDriver.Leave "{\"NetworkID\":\"$net\",\"EndpointID\":\"$ep\"}"
call NetworkDriver.DeleteEndpoint "{\"NetworkID\":\"$net\",\"EndpointID\":\"$ep\"}"
call NetworkDriver.DeleteNetwork "{\"NetworkID\":\"$net\"}"
call IpamDriver.ReleaseAddress "{\"PoolID\":\"$pool_id\",\"Address\":\"10.255.254.2\"}"
call IpamDriver.ReleasePool "{\"PoolID\":\"$pool_id\"}"
curl -sS --max-time 10 --unix-socket "$work/inspect.sock" http://inspect/v1/networks >/dev/null
TRAIN
  local rc=$?
  [[ -s $app/mdnp.jsa ]] || { runtime_say "the training run wrote no archive (log: $work/daemon.log)"; return 1; }
  rm -rf "$work"
  return "$rc"
}
