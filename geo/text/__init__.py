"""Stage 1, text: article files in, documents, paragraphs, quotations and sentences out.

What it offers:

* :func:`read_article` / :func:`parse_article` — a ``.txt`` file (or decoded text) into a
  :class:`geo.model.Document`, or an :class:`geo.errors.ArticleError` naming the file and
  line; :func:`parse_date`, the one date check of every format; :func:`read_text` and
  :func:`has_date_line` for a file that may be plain text;
* :func:`collect_paths` and :func:`read_corpus` (:mod:`.corpus`) — many files at once, in
  every format (``.txt``, saved pages, feeds, CSV/JSON-lines exports, URL lists: the
  :mod:`.readers` package), one bad file, row or item never stopping the others;
* :class:`Fetcher` (:mod:`.fetching`) — polite downloading for ``--fetch`` and
  ``claimmap add``: user agent, robots.txt, a rate limit, timeouts, an on-disk cache;
* :func:`paragraphs` — blank-line-separated paragraphs as offsets;
* :func:`quote_ranges`, :func:`paragraph_quotes`, :func:`running_quotes` — where the
  quotations are; :func:`mask_quotes` — the text with them replaced by :data:`MASK`;
* :func:`split_sentences` — :class:`geo.model.Sentence` objects for news prose.

Every offset points into ``Document.text`` (the whole decoded file), so a claim's span is
the exact characters of the original article.
"""

from .corpus import ARTICLE_SUFFIXES, Corpus, collect_paths, read_corpus
from .documents import has_date_line, parse_article, parse_date, read_article, read_text
from .paragraphs import paragraphs
from .quotes import MASK, mask_quotes, paragraph_quotes, quote_ranges, running_quotes
from .sentences import split_sentences

__all__ = ["ARTICLE_SUFFIXES", "MASK", "Corpus", "collect_paths", "has_date_line", "mask_quotes", "paragraph_quotes",
           "paragraphs", "parse_article", "parse_date", "quote_ranges", "read_article", "read_corpus",
           "read_text", "running_quotes", "split_sentences"]
