#!/usr/bin/env bash
# Lists, creates and describes topics, as in Apache Kafka's distribution.
exec "$(dirname "${BASH_SOURCE[0]}")/kafka-run-class.sh" org.apache.kafka.tools.TopicCommand "$@"
