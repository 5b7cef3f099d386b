"""The commands, one module per family; importing them registers them on the app (giaoviec.cli)."""
