#!/usr/bin/env bash
# Shows consumer group offsets and lag; for humans debugging the event flow.
exec "$(dirname "${BASH_SOURCE[0]}")/kafka-run-class.sh" org.apache.kafka.tools.consumer.group.ConsumerGroupCommand "$@"
