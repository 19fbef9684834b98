#!/usr/bin/env bash
# Prints a topic's records; for humans debugging the event flow.
exec "$(dirname "${BASH_SOURCE[0]}")/kafka-run-class.sh" org.apache.kafka.tools.consumer.ConsoleConsumer "$@"
