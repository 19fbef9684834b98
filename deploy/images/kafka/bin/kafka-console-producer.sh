#!/usr/bin/env bash
# Writes records typed on stdin to a topic; for humans debugging the event flow.
exec "$(dirname "${BASH_SOURCE[0]}")/kafka-run-class.sh" org.apache.kafka.tools.ConsoleProducer "$@"
