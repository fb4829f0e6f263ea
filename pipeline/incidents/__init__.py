"""Incident assembly: the affected service, the outages an article reports, their times, status and cause.

Public entry points:

- :func:`assemble_incidents` (``assemble``): incidents from an :class:`Article`, its timexes and cause mentions;
- :func:`detect_service`, :func:`affected_service`, :func:`same_service` (``services``): the affected
  service of a text or processed ``Doc``, and whether a speaker is that service (for ``official``
  attribution).
"""
from .article import Article
from .assemble import Assembly, assemble_incidents
from .services import affected_service, detect_service, detect_services, same_service, service_evidence

__all__ = [
    "Article",
    "Assembly",
    "affected_service",
    "assemble_incidents",
    "detect_service",
    "detect_services",
    "same_service",
    "service_evidence",
]
