"""Batch extraction at scale: a process pool, results in input order, resumable output.

- :mod:`.worker`: the per-process extractor (pipeline built once, batches in
  ``nlp.memory_zone()``, plain :class:`~.worker.Result` records out);
- :mod:`.ordered`: a bounded, order-preserving map over a process pool;
- :mod:`.engine`: the local engine (in-process for one worker, a pool otherwise);
- :mod:`.resume`: what an earlier, interrupted run already wrote;
- :mod:`.dask_engine`: the optional Dask engine for clusters (extra ``[dask]``).
"""
