"""Test helpers shipped with litreview: a fake registry server for tests, benchmarks and demos.

Nothing here is used by the commands themselves.
"""
