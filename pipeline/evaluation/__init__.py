"""Evaluation tooling: TempEval-3 timex scoring, the TimeML reader/writer and golden-file scoring.

Every scorer here is a plain function returning a report object; the CLI only
prints reports. Nothing heavy is imported at package import.
"""
