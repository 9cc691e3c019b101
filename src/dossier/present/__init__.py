"""Present: the CLI, and (later) the web UI, over one serializer."""
