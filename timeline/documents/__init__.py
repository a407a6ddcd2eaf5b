"""Loading documents and dating them.

    from timeline.documents import load_documents
    docs = load_documents(["articles/", "corpus.jsonl", "Rubio met Bukele on Monday."])

Inputs: a path, a directory (searched recursively in sorted order; READMEs, licences and CSVs
without a `text` column are skipped), a glob, "-" for stdin, a text (a `str` with a line break,
or with a space and naming no file), `bytes`, a `Document`, or a list of these.
Formats: .txt, .md (front matter read, markup removed), .html/.htm (trafilatura main text,
title, canonical URL; htmldate page date), .jsonl/.ndjson, .csv/.tsv and .json corpora
(`id`, `text`, `title`, `date`, `url`; common other names such as `body` or `headline` too),
any of them gzip/bz2/xz compressed. Other endings are sniffed.

Dates (`Document.date_source`), first found wins: a `date` field or `ref_date` ("given"); a
header line such as "date 2025-02-04" ("header"); HTML metadata ("html-meta"); a dateline or
byline ("dateline"); a full date in caption position near the top ("text"); then, corpus-wide,
sibling documents of the same story ("inferred", with the reasons in `meta["inferred_from"]`).
The text is never edited to remove what was read, so offsets index `Document.text` as kept.

`iter_documents` streams (a JSONL or CSV corpus is read row by row); `load_documents` returns a
list and runs `infer_dates`. Unreadable files and rows go to `on_error(DocumentError)` (default:
a logged warning), never stop the rest, and name the file (and line).
"""

from timeline.documents.load import iter_documents, load_documents, log_error


def infer_dates(docs):
    """Date undated documents from dated documents of the same story (see `siblings`)."""
    from timeline.documents.siblings import infer_dates as _infer

    return _infer(docs)


__all__ = ["iter_documents", "load_documents", "infer_dates", "log_error"]
