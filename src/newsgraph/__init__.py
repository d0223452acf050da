"""newsgraph: Russian news into a sourced record of who said and did what, to whom, when and where."""

__version__ = "0.1.0"
