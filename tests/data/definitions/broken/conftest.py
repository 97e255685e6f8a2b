"""The broken test calls here are data for tests/definitions/test_broken_definitions.py, not test calls to replay."""

collect_ignore_glob = ["*.call.yaml", "*.transcript.yaml"]
