"""Stage 1, text: article files in, documents, paragraphs, quotations and sentences out.

What it offers:

* :func:`read_article` / :func:`parse_article` — a file (or decoded text) into a
  :class:`geo.model.Document`, or an :class:`geo.errors.ArticleError` naming the file and
  line; :func:`collect_paths` and :func:`read_corpus` for many files at once (one bad file
  never stops the others); :func:`read_text` and :func:`has_date_line` for a file that may
  be plain text;
* :func:`paragraphs` — blank-line-separated paragraphs as offsets;
* :func:`quote_ranges`, :func:`paragraph_quotes`, :func:`running_quotes` — where the
  quotations are; :func:`mask_quotes` — the text with them replaced by :data:`MASK`;
* :func:`split_sentences` — :class:`geo.model.Sentence` objects for news prose.

Every offset points into ``Document.text`` (the whole decoded file), so a claim's span is
the exact characters of the original article.
"""

from .documents import (Corpus, collect_paths, has_date_line, parse_article, read_article,
                        read_corpus, read_text)
from .paragraphs import paragraphs
from .quotes import MASK, mask_quotes, paragraph_quotes, quote_ranges, running_quotes
from .sentences import split_sentences

__all__ = ["MASK", "Corpus", "collect_paths", "has_date_line", "mask_quotes", "paragraph_quotes",
           "paragraphs", "parse_article", "quote_ranges", "read_article", "read_corpus",
           "read_text", "running_quotes", "split_sentences"]
