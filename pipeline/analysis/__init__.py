"""What analysts do with the records: a flat incident table, a summary, a readable view.

Each module holds plain functions returning data; the CLI wrappers live in
``pipeline/cli/`` and the heavy libraries (pandas, pyarrow, matplotlib) are
imported only inside the functions that need them.
"""
