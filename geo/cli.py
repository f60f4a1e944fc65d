"""Command line: ``claimmap build | add | geoparse | dashboard`` (also ``python -m geo …``).

A thin layer over :mod:`geo.pipeline`, :mod:`geo.geoparsing` and the dashboard: it parses
arguments, turns claimmap's errors into one-line messages, and maps outcomes to exit
statuses — 0 every file processed, 1 some rejected (each named on stderr; the rest is still
written or printed), 2 usage errors (bad flags, nothing to read, an unusable gazetteer,
layer or output path). The pipeline is imported by the commands that need it, so
``claimmap dashboard`` starts at once and a broken rule file is one line too.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import warnings
from functools import partial
from pathlib import Path

from . import config
from .errors import ArticleError, ClaimmapError, UsageError, one_line

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def _gazetteer_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--pack", action="append", default=[], type=Path,
                         help="extra gazetteer pack: a CSV file or a folder of them (repeatable)")
    command.add_argument("--overrides", type=Path, help="gazetteer overrides CSV; wins over every source")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimmap", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build", help="build the GeoJSON layer from article files")
    b.add_argument("inputs", nargs="*", default=[str(config.ARTICLES)],
                   help=f"article files or folders (default: {config.ARTICLES}/)")
    b.add_argument("--out", default=str(config.LAYER), help="layer to write (default: %(default)s)")
    b.add_argument("--jobs", type=int, default=1, help="worker processes (0 = all cores)")
    _gazetteer_options(b)
    b.add_argument("--online", action="store_true",
                   help="also ask an online geocoder for names the gazetteer does not know")
    b.add_argument("--geocoder", default="nominatim", help="geopy geocoder name (with --online)")
    b.add_argument("--user-agent", help="identifies you to the online geocoder (required with "
                   "--online) and to the sites --fetch downloads from")
    b.add_argument("--geocoder-option", action="append", default=[], metavar="KEY=VALUE",
                   help="passed to the geopy geocoder, e.g. domain=nominatim.example.org, "
                        "scheme=http, timeout=5, min_delay_seconds=2 (repeatable)")
    b.add_argument("--online-budget", type=float, default=config.ONLINE_BUDGET_SECONDS,
                   metavar="SECONDS", help="total time for online lookups in this build; once "
                   "spent, the offline gazetteer answers the rest (default: %(default)g)")
    b.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                   help="the date of pages, feed items and export rows that have none")
    b.add_argument("--fetch", action="store_true",
                   help="download the pages of URL lists (*.urls) and of feed items whose page "
                        "is not saved beside the feed (polite: robots.txt, rate limit, cache)")
    b.add_argument("--fetch-delay", type=float, default=2.0, metavar="SECONDS",
                   help="seconds between two requests to one host (default: %(default)s)")
    b.add_argument("--store", type=Path, metavar="FILE", nargs="?", const=config.default_store,
                   help="keep each article's results in FILE (SQLite; default "
                        "<out>.store.sqlite) and process only the articles it has none for: a "
                        "growing corpus builds in the time of its new articles, to the same layer")
    b.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar (default: on when stderr is a terminal)")
    b.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    a = commands.add_parser("add", help="download article pages into a folder (then build it)")
    a.add_argument("urls", nargs="+", help="addresses of article pages")
    a.add_argument("--to", type=Path, default=config.ARTICLES,
                   help="the articles folder to save the pages in (default: %(default)s/)")
    a.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                   help="the date of a page that has none (written into the saved page)")
    a.add_argument("--user-agent", help="identifies you to the sites (default: claimmap's)")
    a.add_argument("--fetch-delay", type=float, default=2.0, metavar="SECONDS",
                   help="seconds between two requests to one host (default: %(default)s)")
    g = commands.add_parser("geoparse", help="print every place mention of text or article files")
    g.add_argument("files", nargs="+", help="article files (with a date line) or plain text files")
    g.add_argument("--json", action="store_true",
                   help='one JSON object per file and line: {"article": …, "mentions": […]}')
    _gazetteer_options(g)
    d = commands.add_parser("dashboard", help="open the dashboard on a layer (streamlit)")
    d.add_argument("--layer", type=Path, help="the layer (default: $CLAIMMAP_LAYER, else "
                   f"./{config.LAYER} if it exists, else the bundled seeds' layer)")
    d.add_argument("--port", type=int, help="the port to serve on (default: streamlit's, 8501)")
    return parser


def _iso_date(value: str):
    """``--date``: checked as every article's date is (:func:`geo.text.parse_date`)."""
    from .text.documents import parse_date

    try:
        return parse_date(value, "--date")
    except ArticleError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def _fetcher(args: argparse.Namespace):
    """The polite downloader of ``--fetch`` and ``claimmap add`` (cache in $CLAIMMAP_CACHE)."""
    from .text.fetching import Fetcher

    return Fetcher(user_agent=args.user_agent, delay=args.fetch_delay)


def _geocoder_options(pairs: list[str]) -> dict[str, object]:
    options: dict[str, object] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--geocoder-option wants KEY=VALUE, not {pair!r}")
        try:
            options[key.strip()] = float(value)
        except ValueError:
            options[key.strip()] = value
    return options


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings (a failed online query, a rebuilt index) as one line each, no source dump."""
    print(one_line(f"claimmap: warning: {message}"), file=sys.stderr)


def _loader(args: argparse.Namespace):
    from .gazetteer import Gazetteer

    return partial(Gazetteer.load, packs=tuple(args.pack), overrides=args.overrides)


def run_build(args: argparse.Namespace) -> int:
    from .layer import write_layer
    from .pipeline import build

    missing = [i for i in args.inputs if not Path(i).exists() and not Path(i).is_symlink()]
    if missing and len(missing) == len(args.inputs):
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    if args.jobs < 0:
        raise UsageError(f"--jobs must be 0 (all cores) or more, not {args.jobs}")
    jobs = (os.cpu_count() or 1) if args.jobs == 0 else args.jobs
    loader = _loader(args)
    gazetteer = loader()
    hook = None
    if args.online:
        from .geocoding.online import online_mention_hook

        hook = online_mention_hook(args.geocoder, user_agent=args.user_agent, gazetteer=gazetteer,
                                   budget_seconds=args.online_budget,
                                   **_geocoder_options(args.geocoder_option))
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    store = None
    if args.store is not None:
        from .store import Store, store_version

        if args.store is config.default_store:
            args.store = config.default_store(Path(args.out))
        store = Store(args.store, store_version(gazetteer, args.geocoder if args.online else None))
    result = build(args.inputs, gazetteer, jobs=jobs, progress=progress and not args.quiet,
                   mention_hook=hook, loader=loader, default_date=args.date,
                   fetch=_fetcher(args) if args.fetch else None, store=store)
    if not result.layer["articles"] and not result.errors:
        from .text import ARTICLE_SUFFIXES

        raise UsageError(f"no article files ({' '.join('*' + s for s in ARTICLE_SUFFIXES)}) "
                         f"in {', '.join(args.inputs)}")
    write_layer(result.layer, args.out)
    if store is not None:
        store.finish(args.out, args.inputs)
        if not args.quiet:
            print(f"store {args.store}: {store.hits} articles reused, {store.misses} processed",
                  file=sys.stderr)
    for error in result.errors:
        print(one_line(f"rejected {error}"), file=sys.stderr)
    if not args.quiet:
        s = result.stats
        print(f"{s['articles']} articles, {s['claims']} claims, {s['places']} places, "
              f"{s['unresolved']} unresolved mentions, {s['unplaced']} unplaced claims, "
              f"{s['rejected']} rejected -> {args.out}", file=sys.stderr)
    return EXIT_REJECTED if result.errors else EXIT_OK


def run_add(args: argparse.Namespace) -> int:
    from .text.fetching import add_pages

    saved, errors = add_pages(args.urls, args.to, _fetcher(args), args.date,
                              progress=sys.stderr.isatty())
    for path in saved:
        print(one_line(f"saved {path}"))
    for error in errors:
        print(one_line(f"rejected {error}"), file=sys.stderr)
    return EXIT_REJECTED if errors else EXIT_OK


def _table(found: dict) -> str:
    """The short human-readable form of one file's mentions."""
    lines = [f"{found['article']}: {len(found['mentions'])} place mentions"]
    for m in found["mentions"]:
        place = m["place"]
        where = "not resolved" if place is None else (
            f"{place['id']} {place['name']} ({place['kind']}, "
            f"{place['admin1'] or place['country'] or 'no country'})")
        lines.append(f"  {m['start']:>6}-{m['end']:<6} {m['text']:<24} {where}")
    return "\n".join(one_line(line) for line in lines)


def run_geoparse(args: argparse.Namespace) -> int:
    from .geoparsing import geoparse_file

    gazetteer = _loader(args)()
    rejected = False
    for path in args.files:
        try:
            found = geoparse_file(path, gazetteer)
        except ArticleError as error:
            print(one_line(f"rejected {error}"), file=sys.stderr)
            rejected = True
            continue
        print(json.dumps(found, ensure_ascii=False, separators=(",", ":")) if args.json
              else _table(found), flush=True)
    return EXIT_REJECTED if rejected else EXIT_OK


def streamlit_command(layer: Path, port: int | None = None) -> list[str]:
    """``python -m streamlit run <packaged app> <options> -- --layer <layer>``: the options
    that ``.streamlit/config.toml`` sets in a checkout, so no config file is needed."""
    port_flag = [f"--server.port={port}"] if port is not None else []
    return [sys.executable, "-m", "streamlit", "run", str(config.DASHBOARD_APP),
            *config.STREAMLIT_FLAGS, *port_flag, "--", "--layer", str(layer)]


def run_dashboard(args: argparse.Namespace) -> int:
    layer = args.layer or config.default_layer()
    if not layer.is_file():
        raise UsageError(f"no layer file {layer} (build one with `claimmap build`)")
    command = streamlit_command(layer, args.port)
    os.execv(command[0], command)  # the dashboard replaces this process: signals reach it


class _OneLineFormatter(logging.Formatter):
    """Library log records (geopy's retries) as one line each, without tracebacks."""

    def format(self, record: logging.LogRecord) -> str:
        return one_line(f"claimmap: warning: {record.name}: {record.getMessage()}")


def _quiet_libraries() -> None:
    warnings.showwarning = _show_warning
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLineFormatter())
    logging.getLogger("geopy").addHandler(handler)
    logging.getLogger("geopy").propagate = False


COMMANDS = {"build": run_build, "add": run_add, "geoparse": run_geoparse, "dashboard": run_dashboard}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _quiet_libraries()
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:  # the reader went away (`claimmap geoparse … | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (ClaimmapError, OSError) as exc:
        print(one_line(f"claimmap: error: {exc}"), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("claimmap: interrupted; the previous layer (if any) is untouched", file=sys.stderr)
        return 130
