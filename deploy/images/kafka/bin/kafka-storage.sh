#!/usr/bin/env bash
# Formats the KRaft log directories (format, random-uuid, info), as in Apache Kafka's distribution.
exec "$(dirname "${BASH_SOURCE[0]}")/kafka-run-class.sh" kafka.tools.StorageTool "$@"
