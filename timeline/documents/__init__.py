"""Loading documents and dating them.

    from timeline.documents import load_documents
    docs = load_documents(["articles/", "corpus.jsonl", "Rubio met Bukele on Monday."])

`iter_documents` streams (a JSONL or CSV corpus is read row by row); `load_documents` returns a
list and dates undated documents from sibling documents of the same story (`infer_dates`).
Unreadable files and rows go to `on_error(DocumentError)` (default: a logged warning) and never
stop the rest.
"""

from timeline.documents.load import iter_documents, load_documents, log_error


def infer_dates(docs):
    """Date undated documents from dated documents of the same story (see `siblings`)."""
    from timeline.documents.siblings import infer_dates as _infer

    return _infer(docs)


__all__ = ["iter_documents", "load_documents", "infer_dates", "log_error"]
