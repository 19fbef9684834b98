#!/usr/bin/env bash
# Starts the broker (and, in KRaft combined mode, the controller) with a server.properties file.
# usage: kafka-server-start.sh <server.properties>
set -eo pipefail
if [[ $# -lt 1 ]]; then
  echo "usage: $0 <server.properties>" >&2
  exit 1
fi
base_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
: "${KAFKA_HEAP_OPTS:=-Xmx1G -Xms1G}"
: "${KAFKA_JVM_PERFORMANCE_OPTS:=-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true}"
: "${KAFKA_LOG4J_OPTS:=-Dlog4j2.configurationFile=$base_dir/config/log4j2.properties}"
export KAFKA_HEAP_OPTS KAFKA_JVM_PERFORMANCE_OPTS KAFKA_LOG4J_OPTS
exec "$base_dir/bin/kafka-run-class.sh" kafka.Kafka "$@"
