"""Exporters: each one a plugin, the built-in ones included."""
