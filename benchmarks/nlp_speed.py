"""Speed of timeline.nlp.parse on news sentences, on one core.

    python benchmarks/nlp_speed.py                   # every TimeBank+AQUAINT sentence, twice
    python benchmarks/nlp_speed.py --repeat 3 --batch-size 128

The input is every sentence (timeline.events.sentences.split_sentences) of the <TEXT> of
the TimeBank and AQUAINT documents, one text per sentence as the events stage passes them.
Times the model load, spaCy's own `nlp.pipe` (tokenizer, tagger, parser, entities) and the
full `parse()` (the same plus the conversion to plain data); words are spaCy tokens. Math
libraries are held to one thread. Rates are given per second of wall time and per second of
the process's CPU time: on a shared machine the second is the one-core figure. The fastest of
--repeat runs counts. Also prints the model's size on disk. Writes nothing.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from corpus import PARTS, find_timeml_dir  # noqa: E402  benchmarks/corpus.py


def sentences() -> list[str]:
    from timeline.events.sentences import split_sentences
    from timeline.timeml import read_timeml

    root = find_timeml_dir()
    return [s.text for part in PARTS for path in sorted((root / part).glob("*.tml"))
            for s in split_sentences(read_timeml(path).text)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=256)
    args = ap.parse_args()

    from timeline.nlp import load, model_path, parse

    texts = sentences()
    t0 = time.perf_counter()
    nlp = load()
    load_s = time.perf_counter() - t0
    pipe_s, parse_s, pipe_cpu, parse_cpu = [], [], [], []
    words = 0
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        words = sum(len(d) for d in nlp.pipe(texts, batch_size=args.batch_size))
        pipe_s.append(time.perf_counter() - t0)
        pipe_cpu.append(time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        parse(texts, batch_size=args.batch_size)
        parse_s.append(time.perf_counter() - t0)
        parse_cpu.append(time.process_time() - c0)
    size = sum(f.stat().st_size for f in Path(model_path()).rglob("*") if f.is_file())
    print(json.dumps({
        "sentences": len(texts), "words": words, "pipeline": nlp.pipe_names,
        "load_s": round(load_s, 2),
        "nlp_pipe_words_per_s": round(words / min(pipe_s)),
        "parse_words_per_s": round(words / min(parse_s)),
        "nlp_pipe_words_per_cpu_s": round(words / min(pipe_cpu)),
        "parse_words_per_cpu_s": round(words / min(parse_cpu)),
        "load_avg_1min": os.getloadavg()[0],
        "model_mb": round(size / 1e6, 1),
    }, indent=1))


if __name__ == "__main__":
    main()
