#!/usr/bin/env bash
# Asks a broker for its API versions; the Compose healthcheck uses it because apache/kafka has it at the same path.
exec "$(dirname "${BASH_SOURCE[0]}")/kafka-run-class.sh" org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
