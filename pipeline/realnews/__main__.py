"""``python -m pipeline.realnews id URL`` / ``stamp ID`` / ``check``: annotators' helpers."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .dataset import DEFAULT_ROOT, read_cached, article_id, articles_dir, cache_path, load_set, loose_sha256, split_of, text_sha256
from .gold import GoldError, load_gold

USAGE = "usage: python -m pipeline.realnews id URL | stamp ID [ROOT] | check [ROOT] | queries [ROOT] [--all]"


def stamp(article: str, root: Path) -> str:
    """Fill ``sha256`` and ``chars`` of a gold file from its cached text."""
    path = articles_dir(root) / f"{article}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    with open(cache_path(root, article), encoding="utf-8", newline="") as handle:
        text = handle.read()
    data["sha256"], data["chars"] = text_sha256(text), len(text)
    data["loose_sha256"] = loose_sha256(text)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    load_gold(path)
    return f"{article}: {len(text)} chars, sha256 {data['sha256'][:12]}…, split {split_of(data['url'])}"


def check(root: Path) -> int:
    bad = 0
    paths = sorted(articles_dir(root).glob("*.json"))
    for path in paths:
        try:
            gold = load_gold(path)
        except GoldError as exc:
            print(f"error: {exc}")
            bad += 1
            continue
        cached = cache_path(root, gold.id)
        if not cached.exists():
            print(f"missing: {gold.id} not in the cache ({gold.url})")
        else:
            entry = read_cached(root, gold)
            if entry.problem:
                print(f"error: {gold.id}: {entry.problem}")
                bad += 1
            elif entry.note:
                print(f"note: {gold.id}: {entry.note}")
    print(f"{len(paths)} gold files, {bad} with problems")
    return 1 if bad else 0


def queries(root: Path, everything: bool) -> int:
    """``id<TAB>rank<TAB>url<TAB>query`` per article missing from the cache (or every one)."""
    for entry in load_set(root):
        if everything or entry.text is None:
            gold = entry.gold
            print(f"{gold.id}\t{gold.rank}\t{gold.url}\t{gold.query}")
    return 0


def main(argv) -> int:
    if len(argv) >= 2 and argv[0] == "id":
        url = argv[1]
        print(f"{article_id(url)} {split_of(url)}")
        return 0
    if len(argv) >= 2 and argv[0] == "stamp":
        try:
            print(stamp(argv[1], Path(argv[2]) if len(argv) > 2 else DEFAULT_ROOT))
        except (OSError, ValueError, GoldError) as exc:
            print(f"error: {exc}".splitlines()[0])
            return 1
        return 0
    if argv and argv[0] == "queries":
        rest = [a for a in argv[1:] if a != "--all"]
        return queries(Path(rest[0]) if rest else DEFAULT_ROOT, "--all" in argv)
    if argv and argv[0] == "check":
        return check(Path(argv[1]) if len(argv) > 1 else DEFAULT_ROOT)
    print(USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
