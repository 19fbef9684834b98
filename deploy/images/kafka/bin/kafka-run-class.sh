#!/usr/bin/env bash
# Runs one Kafka main class on the image's class path, honouring the same environment variables as
# Apache Kafka's own script (KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS, KAFKA_OPTS, KAFKA_LOG4J_OPTS, ...)
# so that commands and healthchecks written for apache/kafka work here too.
# usage: kafka-run-class.sh <main class> [args...]
set -eo pipefail
base_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Tools (healthchecks, kafka-topics) are short-lived: a small heap and the quickest-starting JIT settings.
: "${KAFKA_HEAP_OPTS:=-Xmx256M}"
: "${KAFKA_JVM_PERFORMANCE_OPTS:=-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true}"
: "${KAFKA_LOG4J_OPTS:=-Dlog4j2.configurationFile=$base_dir/config/tools-log4j2.properties}"
# shellcheck disable=SC2086  # the *_OPTS variables are word lists by contract
exec java $KAFKA_HEAP_OPTS $KAFKA_JVM_PERFORMANCE_OPTS $KAFKA_GC_LOG_OPTS $KAFKA_JMX_OPTS $KAFKA_LOG4J_OPTS \
  -cp "$base_dir/libs/*" $KAFKA_OPTS "$@"
