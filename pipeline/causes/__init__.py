"""Cause mentions: what an article says caused an outage, how surely, and who says it.

The package is rule data plus a small engine in the manner of medspaCy ConText:

- :mod:`.rules` typed rule objects (closed set of keys) read from
  ``resources/en/causes/*.json``;
- :mod:`.patterns` named pattern fragments expanded and every rule set compiled
  once into a single alternation;
- :mod:`.scope` clause and sentence scopes of cues (terminators, direction);
- :mod:`.phrases` cause phrases in outage-causation context, with the
  taxonomy's trigger-over-mechanism precedence;
- :mod:`.assertion` negated / possible / hypothetical cues;
- :mod:`.subject` the affected companies, from incident assembly's service detection;
- :mod:`.attribution` reporting clauses, speakers, official vs third party;
- :mod:`.back_references` denials pointing back at a speculated cause
  ("there was no evidence of that"), which withdraw it.
"""
