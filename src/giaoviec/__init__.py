"""giaoviec: tasks assigned to cadres, kept as YAML in git; validated, scored and reported."""

__version__ = "0.1.0"
