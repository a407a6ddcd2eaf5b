"""Statistical analysis of English sentences: Penn tags, dependencies, names.

A small spaCy pipeline trained on GUM and UD English EWT (``training/``) ships
in ``model/`` (CC BY-SA 4.0, see ``NOTICE``).  It is loaded once per process on
first use, never at import time, and never from the network.

    >>> from timeline.nlp import parse
    >>> p = parse(["General Motors filed for bankruptcy on Monday."])[0]
    >>> [(t.text, t.tag, t.dep, t.head) for t in p.tokens][:3]
    [('General', 'NNP', 'amod', 1), ('Motors', 'NNPS', 'nsubj', 2), ('filed', 'VBD', 'ROOT', 2)]
    >>> p.entities  # the span is whole; the label is often wrong for firms
    (Entity(start=0, end=14, label='PERSON', first=0, last=2),)

Everything returned is plain picklable data: offsets are character offsets
into the text given (callers add their own base offset), ``head`` is a token
index (a root is its own head, ``dep == "ROOT"``).  Dependency labels are
Universal Dependencies ones (``nsubj``, ``nsubj:pass``, ``obj``, ``obl``,
``compound``, ``flat`` ...), tags are Penn Treebank tags, ``pos`` is UPOS.
Entity labels: ``PERSON``, ``ORG``, ``PLACE``.
"""
from __future__ import annotations

from timeline.nlp.model_io import load, model_path
from timeline.nlp.parsed import Entity, Parsed, Token, noun_chunks, parse

__all__ = ["Entity", "Parsed", "Token", "load", "model_path", "noun_chunks", "parse"]
