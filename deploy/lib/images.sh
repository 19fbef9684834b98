# shellcheck shell=bash
# Base images: the public ones when they are here or can be pulled, local equivalents built from
# deploy/images/ when not (no image registry reachable). A local image carries the hash of its recipe in
# the label aegis.recipe-hash, so it is rebuilt only when its recipe (or its base image) changed.
#
# After ensure_images, AEGIS_JRE_IMAGE, AEGIS_POSTGRES_IMAGE, AEGIS_KAFKA_IMAGE and AEGIS_DOCKER_PROXY_IMAGE
# name the images to use; docker-compose.yml reads them.

AEGIS_IMAGES_DIR=$AEGIS_ROOT/deploy/images
RECIPE_LABEL=aegis.recipe-hash

LOCAL_DEBIAN_IMAGE=aegisops/debian:bookworm
LOCAL_JRE_IMAGE=aegisops/jre:17
LOCAL_POSTGRES_IMAGE=aegisops/postgres:15
LOCAL_KAFKA_IMAGE=aegisops/kafka:4.2.1
LOCAL_DOCKER_PROXY_IMAGE=aegisops/docker-proxy:2.6

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

image_id() { docker image inspect -f '{{.Id}}' "$1"; }

image_recipe() { docker image inspect -f "{{ index .Config.Labels \"$RECIPE_LABEL\" }}" "$1" 2>/dev/null; }

# recipe_hash <dir> [extra text...]: hash of every file of a recipe (contents and names; target/ excluded)
# plus the extra text, e.g. the id of the base image the recipe builds on.
recipe_hash() {
  local dir=$1
  shift
  {
    (cd "$dir" && find . -path ./target -prune -o -type f -print | LC_ALL=C sort | xargs -r sha256sum)
    printf '%s\n' "$@"
  } | sha256sum | cut -c1-16
}

# recipe_current <image> <hash>: the image exists and was built from exactly this recipe.
recipe_current() { image_exists "$1" && [[ $(image_recipe "$1") == "$2" ]]; }

# remove_replaced <old image id> <tag>: a rebuilt image leaves its predecessor untagged; drop it unless a
# container still uses it.
remove_replaced() {
  if [[ -n $1 && $1 != "$(image_id "$2")" ]]; then
    docker image rm "$1" >/dev/null 2>&1 || true
  fi
}

ensure_debootstrap() {
  command -v debootstrap >/dev/null || apt_install debootstrap
  is_root || die "building a base image with debootstrap needs root" "run ./aegisops as root (or with sudo)" \
    "or make the public images available (docker pull / AEGIS_*_IMAGE, see deploy/README.md)"
}

# A Debian root file system from the mirror, imported as an image (deploy/images/rootfs).
ensure_rootfs_image() {
  local tag=$1 recipe_dir=$2 hash
  hash=$(recipe_hash "$recipe_dir" "$(sha256sum <"$AEGIS_IMAGES_DIR/rootfs/build-rootfs-image.sh")")
  if recipe_current "$tag" "$hash"; then
    step "Local image $tag is up to date"
    return
  fi
  ensure_debootstrap
  local previous
  previous=$(image_id "$tag" 2>/dev/null || true)
  run_step "image-${tag//[^a-z0-9]/-}" "Building local image $tag (debootstrap + docker import)" \
    "$AEGIS_IMAGES_DIR/rootfs/build-rootfs-image.sh" "$tag" "$recipe_dir/packages" "$RECIPE_LABEL=$hash" ||
    die "could not build $tag" "see the log above; the Debian mirror must be reachable (AEGIS_DEBIAN_MIRROR)"
  remove_replaced "$previous" "$tag"
}

# docker build of a recipe directory on top of one of the local base images.
ensure_built_image() {
  local tag=$1 recipe_dir=$2 base=$3 hash
  hash=$(recipe_hash "$recipe_dir" "$(image_id "$base")")
  if recipe_current "$tag" "$hash"; then
    step "Local image $tag is up to date"
    return
  fi
  local previous
  previous=$(image_id "$tag" 2>/dev/null || true)
  run_step "image-${tag//[^a-z0-9]/-}" "Building local image $tag (docker build on $base)" \
    docker build --label "$RECIPE_LABEL=$hash" --build-arg "BASE_IMAGE=$base" -t "$tag" "$recipe_dir" ||
    die "could not build $tag" "see the log above"
  remove_replaced "$previous" "$tag"
}

build_local_jre() { ensure_rootfs_image "$LOCAL_JRE_IMAGE" "$AEGIS_IMAGES_DIR/jre"; }

build_local_debian() { ensure_rootfs_image "$LOCAL_DEBIAN_IMAGE" "$AEGIS_IMAGES_DIR/debian"; }

build_local_postgres() {
  build_local_debian
  ensure_built_image "$LOCAL_POSTGRES_IMAGE" "$AEGIS_IMAGES_DIR/postgres" "$LOCAL_DEBIAN_IMAGE"
}

# The Docker socket proxy (deploy/images/docker-proxy): HAProxy with AegisOps's allow-lists. Always local, as
# no public image carries them; AEGIS_DOCKER_PROXY_IMAGE may name another build of the same recipe.
ensure_docker_proxy_image() {
  local wanted=${AEGIS_DOCKER_PROXY_IMAGE:-$LOCAL_DOCKER_PROXY_IMAGE}
  if [[ $wanted == "$LOCAL_DOCKER_PROXY_IMAGE" ]]; then
    build_local_debian
    ensure_built_image "$LOCAL_DOCKER_PROXY_IMAGE" "$AEGIS_IMAGES_DIR/docker-proxy" "$LOCAL_DEBIAN_IMAGE"
  elif image_exists "$wanted"; then
    step "Using $wanted (present locally) as the Docker socket proxy"
  else
    die "AEGIS_DOCKER_PROXY_IMAGE=$wanted is not present locally" \
      "load or build it (docker load, or docker build -t $wanted deploy/images/docker-proxy)" \
      "or unset AEGIS_DOCKER_PROXY_IMAGE to use the local $LOCAL_DOCKER_PROXY_IMAGE"
  fi
  AEGIS_DOCKER_PROXY_IMAGE=$wanted
  export AEGIS_DOCKER_PROXY_IMAGE
}

build_local_kafka() {
  local dir=$AEGIS_IMAGES_DIR/kafka hash
  build_local_jre
  hash=$(recipe_hash "$dir" "$(image_id "$LOCAL_JRE_IMAGE")")
  if recipe_current "$LOCAL_KAFKA_IMAGE" "$hash"; then
    step "Local image $LOCAL_KAFKA_IMAGE is up to date"
    return
  fi
  require_maven
  rm -rf "$dir/target/libs"
  run_step kafka-libs "Resolving the Kafka broker jars from Maven Central" \
    mvn -B -ntp -f "$dir/pom.xml" dependency:copy-dependencies ||
    die "could not resolve the Kafka jars" "Maven Central must be reachable; see the log above"
  ensure_built_image "$LOCAL_KAFKA_IMAGE" "$dir" "$LOCAL_JRE_IMAGE"
}

# resolve_image <variable> <public default> <local tag> <builder>
# Uses, in order: the image the variable names if present or pullable; else the local equivalent (built if
# missing or stale). An image the user named explicitly is never silently replaced.
resolve_image() {
  local var=$1 public=$2 local_tag=$3 builder=$4 wanted explicit=0
  wanted=${!var:-}
  [[ -n $wanted ]] && explicit=1
  wanted=${wanted:-$public}

  if [[ $wanted == "$local_tag" ]]; then
    "$builder"
  elif image_exists "$wanted"; then
    step "Using $wanted (present locally)"
  elif [[ ${AEGIS_PULL:-auto} != never ]] &&
    timeout "${AEGIS_PULL_TIMEOUT:-180}" docker pull -q "$wanted" >>"$AEGIS_LOG_DIR/pull.log" 2>&1; then
    step "Using $wanted (pulled)"
  elif ((explicit)); then
    die "$var=$wanted is neither present locally nor pullable" \
      "pull or load it (docker pull / docker load), or unset $var to use the local fallback $local_tag"
  else
    step "$wanted is not available (no registry reachable?): using local $local_tag"
    "$builder"
    wanted=$local_tag
  fi
  printf -v "$var" '%s' "$wanted"
  export "${var?}"
}

ensure_images() {
  resolve_image AEGIS_JRE_IMAGE eclipse-temurin:17-jre "$LOCAL_JRE_IMAGE" build_local_jre
  resolve_image AEGIS_POSTGRES_IMAGE postgres:15 "$LOCAL_POSTGRES_IMAGE" build_local_postgres
  resolve_image AEGIS_KAFKA_IMAGE apache/kafka:4.2.1 "$LOCAL_KAFKA_IMAGE" build_local_kafka
  ensure_docker_proxy_image
}
