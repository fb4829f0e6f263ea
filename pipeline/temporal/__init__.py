"""Temporal expression tagging: find, normalise and anchor dates, times, zones and durations.

Rules are data (``pipeline/resources/<lang>/temporal/*.json``): named pattern
fragments, normalisation tables and rules with ids and examples, in the manner
of HeidelTime. :mod:`.rules` loads them into typed objects and compiles one
regular expression; :mod:`.tagger` runs it over a text and turns the matches
into ``models.Timex`` objects. Nothing is loaded at import time.
"""
