"""The core's own features, registered as internal plugins."""
