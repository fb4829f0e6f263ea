"""The process pool: input order kept, same records as one worker, bounded work in flight."""
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from pipeline.batch.ordered import chunked, ordered_map

from .conftest import read_lines, write_articles


def test_chunked():
    assert list(chunked(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunked([], 3)) == []


def test_ordered_map_keeps_order_when_tasks_finish_out_of_order():
    delays = [0.05, 0.0, 0.03, 0.0, 0.01, 0.0, 0.02, 0.0]

    def slow(i):
        time.sleep(delays[i])
        return i * 10

    with ThreadPoolExecutor(4) as pool:
        out = list(ordered_map(lambda i: pool.submit(slow, i), range(len(delays)), window=4))
    assert out == [(i, i * 10) for i in range(len(delays))]


def test_ordered_map_never_has_more_than_window_tasks_in_flight():
    lock = threading.Lock()
    state = {"running": 0, "peak": 0}

    def task(i):
        with lock:
            state["running"] += 1
            state["peak"] = max(state["peak"], state["running"])
        time.sleep(0.002)
        with lock:
            state["running"] -= 1
        return i

    consumed = []
    with ThreadPoolExecutor(8) as pool:
        for item, result in ordered_map(lambda i: pool.submit(task, i), iter(range(40)), window=3):
            consumed.append(result)
    assert consumed == list(range(40))
    assert state["peak"] <= 3


def test_several_workers_keep_input_order_and_give_the_same_records(tmp_path, cli, monkeypatch):
    import pipeline.batch.engine as engine

    monkeypatch.setattr(engine, "BATCH_SIZE", 2)  # many small tasks, finishing out of order
    names = write_articles(tmp_path / "in", 17)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert cli(tmp_path / "in", "-o", one, "--workers", "1").exit_code == 0
    result = cli(tmp_path / "in", "-o", two, "--workers", "3")
    assert result.exit_code == 0, result.stderr
    assert [r["doc_id"] for r in read_lines(two)] == names
    assert one.read_bytes() == two.read_bytes()


def test_pool_workers_build_the_pipeline_in_their_own_process(tmp_path):
    import os

    from pipeline.batch.engine import LocalEngine
    from pipeline.formats import expand
    from pipeline.run import ExtractOptions

    write_articles(tmp_path, 4)
    pendings = [p for f in sorted(tmp_path.glob("*.txt")) for p in expand(f.stem, f)]
    with LocalEngine(ExtractOptions(), workers=2, batch_size=1) as engine:
        pids = {engine._pool.submit(os.getpid).result() for _ in range(8)}
        results = [r for _, r in engine.results(pendings)]
    assert os.getpid() not in pids
    assert [r.doc_id for r in results] == [p.doc_id for p in pendings]
    assert all(r.error is None and r.line.startswith("{") for r in results)


def test_memory_zone_frees_new_words_once_the_vocab_budget_is_spent(tmp_path, monkeypatch):
    import pipeline.batch.worker as worker_module
    from pipeline.formats import PendingDocument
    from pipeline.run import ExtractOptions

    worker = worker_module.Worker(ExtractOptions())
    text_path = tmp_path / "a.txt"
    text_path.write_text("The Zorblaxian cluster failed at noon.")
    pending = PendingDocument("a", str(text_path), "text", path=str(text_path))
    monkeypatch.setattr(worker_module, "VOCAB_BUDGET", 10**9)
    worker([pending])
    assert "Zorblaxian" in worker.nlp.vocab.strings  # under budget: kept
    monkeypatch.setattr(worker_module, "VOCAB_BUDGET", 0)
    text_path.write_text("The Quuxoplian cluster failed at noon.")
    (result,) = worker([pending])
    assert result.error is None and result.line.startswith("{")
    assert worker.zoned and "Quuxoplian" not in worker.nlp.vocab.strings  # freed with the zone


def test_progress_rate_and_eta_are_averages_since_the_start():
    from types import SimpleNamespace

    from pipeline.cli.progress import _columns

    rate, eta = _columns()
    task = SimpleNamespace(elapsed=10.0, completed=5, total=20, finished=False)
    assert rate.render(task).plain == "0.5 docs/s"
    assert eta.render(task).plain == "eta 0:00:30"
    start = SimpleNamespace(elapsed=0.0, completed=0, total=20, finished=False)
    assert rate.render(start).plain == "-- docs/s" and eta.render(start).plain == "eta -:--:--"


def test_workers_are_capped_to_the_cores_and_the_documents(monkeypatch):
    import pipeline.batch.engine as engine

    monkeypatch.setattr(engine, "available_cores", lambda: 4)
    assert engine.capped_workers(10_000, 500) == (4, "--workers 10000 capped to 4 (there are 4 cores)")
    assert engine.capped_workers(10_000, 3) == (3, "--workers 10000 capped to 3 (there are 3 documents)")
    assert engine.capped_workers(2, 500) == (2, None)


def test_too_many_workers_asked_are_capped_with_a_warning(tmp_path, cli, monkeypatch):
    import pipeline.batch.engine as engine

    started = []
    real = engine.LocalEngine.__init__

    def spy(self, options, workers=1, *args, **kwargs):
        started.append(workers)
        real(self, options, 1, *args, **kwargs)  # run in-process: nothing is forked here

    monkeypatch.setattr(engine.LocalEngine, "__init__", spy)
    write_articles(tmp_path / "in", 3)
    result = cli(tmp_path / "in", "-o", tmp_path / "out.jsonl", "--workers", "10000")
    assert result.exit_code == 0, result.output
    assert started == [min(3, engine.available_cores())]
    assert "--workers 10000 capped to" in result.stderr
    assert len(read_lines(tmp_path / "out.jsonl")) == 3
