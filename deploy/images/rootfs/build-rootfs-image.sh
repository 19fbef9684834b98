#!/usr/bin/env bash
# Builds a Debian bookworm base image from nothing but the Debian mirror: debootstrap a minimal root file
# system, then `docker import` it. This is how AegisOps gets a base image on machines that can reach
# deb.debian.org but no image registry (no `FROM debian` possible).
#
# usage: build-rootfs-image.sh <tag> <packages-file> [label=value ...]
#   <packages-file>  one Debian package per line (# comments allowed), added with debootstrap --include
#   label=value      image labels (./aegisops stores the recipe hash this way)
# env:  AEGIS_DEBIAN_MIRROR   mirror URL (default: the host's apt mirror, else http://deb.debian.org/debian)
#       AEGIS_WORK_DIR        scratch space for the root file system (default: <repo>/.aegisops/rootfs)
set -euo pipefail

tag=${1:?usage: build-rootfs-image.sh <tag> <packages-file> [label=value ...]}
packages_file=${2:?usage: build-rootfs-image.sh <tag> <packages-file> [label=value ...]}
shift 2

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
suite=bookworm

# The host already trusts one mirror (it installed Maven and the JDK from it); reuse it rather than
# assuming the public one is reachable.
host_mirror() {
  local src
  for src in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list; do
    [[ -r $src ]] || continue
    awk '/^URIs:/ && $2 !~ /security/ {print $2; exit} /^deb / && $3 !~ /security/ {print ($2 ~ /^\[/ ? $3 : $2); exit}' "$src"
    return
  done
}
mirror=${AEGIS_DEBIAN_MIRROR:-$(host_mirror)}
mirror=${mirror:-http://deb.debian.org/debian}
mirror=${mirror%/}
security_mirror=${mirror%/debian}/debian-security

include=$(grep -v '^[[:space:]]*#' "$packages_file" | tr -s '[:space:]' ',' | sed 's/^,//; s/,$//')

work_root=${AEGIS_WORK_DIR:-$repo_root/.aegisops/rootfs}
mkdir -p "$work_root"
work=$(mktemp -d "$work_root/${tag//[^a-zA-Z0-9]/_}.XXXXXX")
# debootstrap leaves device nodes and root-owned files; remove them whatever happens.
trap 'rm -rf "$work"' EXIT

echo "debootstrap $suite from $mirror${include:+ (+ $include)}"
debootstrap --variant=minbase ${include:+--include="$include"} "$suite" "$work/rootfs" "$mirror" \
  >"$work/debootstrap.log" 2>&1 || {
    tail -n 30 "$work/debootstrap.log" >&2
    echo "debootstrap failed; is $mirror reachable? (override with AEGIS_DEBIAN_MIRROR)" >&2
    exit 1
  }

rootfs=$work/rootfs
# Derived images run apt-get inside `docker build`: give them the point releases and security fixes.
cat >"$rootfs/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security_mirror $suite-security main
EOF
# Keep images small and free of build-host traces; derived images run `apt-get update` anyway.
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/log/* \
  "$rootfs"/tmp/* "$rootfs"/root/.bash_history
find "$rootfs/var/lib/apt/lists" -type f -delete
printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' \
  >"$rootfs/etc/apt/apt.conf.d/90aegisops-no-recommends"
: >"$rootfs/etc/hostname"
: >"$rootfs/etc/resolv.conf"

changes=(--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
         --change 'ENV LANG=C.UTF-8'
         --change 'CMD ["bash"]')
for label in "$@"; do
  changes+=(--change "LABEL $label")
done

echo "docker import $tag"
tar --numeric-owner -C "$rootfs" -c . | docker import "${changes[@]}" - "$tag" >/dev/null
