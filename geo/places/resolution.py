"""Place mentions in articles: recognition (:mod:`.spotting`) and resolution (here).

Resolution follows what good geoparsers do, in this order, and records the reading taken:
1. the kind the text asks for — "Sumy region" is the oblast, "the city of Sumy" the city,
   and every name in a list closed by a plural region word ("the Kursk and Belgorod
   regions") is its region;
2. a bare name that is both a region and its capital city ("Kursk") is the region when the
   sentence talks war ("incursion into Kursk") or the article names that region explicitly
   and never the city, otherwise the city;
3. a country name is the country;
4. among settlements, spatial coherence with the article's unambiguous places (same region,
   then same country, then nearest), then source priority and population; a neighbour that
   only carries the name as an alias yields to the place whose own name it is
   (:mod:`.ranking`).
Names found only through a pattern ("the village of X") that the gazetteer does not know
are kept as unresolved mentions with a reason, never dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from typing import Callable

from .. import geometry as geom
from .. import rules
from ..claims import VERB_PATTERN
from ..gazetteer import Gazetteer
from ..gazetteer.names import INVISIBLE, NOT_NAMES, STOPWORDS, key
from ..model import Candidate, Document, Mention, Place
from . import evidence, forms, lists, regions, spotting
from .ranking import Context, own_name_first, rank


WAR_CUES = rules.words("war-cue")
CITY_CUES = rules.words("city-cue")
REGION_AFTER = rules.words("region-after")
"""A word right after a bare name that makes it the region: "the Kursk operation"."""
SETTLEMENT_TYPES = rules.words("settlement-type")
STATED_KINDS = {"admin2": "district", "other": "landmark"}
"""Kinds a typed name asks for as such ("Pokrovsk raion", "the Kerch bridge"): only these
places carry the name, so the type word decides; namesakes (two "Krasnogvardeysky
districts") are ranked by the article's context."""

_UNKNOWN_PATTERN = re.compile(
    rf"\b(?:{rules.alternation(SETTLEMENT_TYPES)})s? of ((?:[A-Z\u0400-\u042f][\w{INVISIBLE}'\u2019-]+)"
    rf"(?: [A-Z\u0400-\u042f][\w{INVISIBLE}'\u2019-]+){{0,5}})"
    rf"|\b((?:[A-Z\u0400-\u042f][\w{INVISIBLE}'\u2019-]+)(?: [A-Z\u0400-\u042f][\w'\u2019-]+){{0,5}})"
    r" (?:[Oo]blast|region|district|raion)\b"
)
"""A name the gazetteer lacks, by its cue: at most six words (unbounded, a long run of
capitalised words was scanned again from each of its words: quadratic; bench/pathological.py)."""


METONYMY_POPULATION = 500_000
"""A city this big may speak for a government ("Washington said", "Minsk said")."""
SPEAKER_VERB = re.compile(
    r"[ \t]+(?:(?:" + rules.alternation(rules.words("speaker-adverb")) + r")[ \t]+)?"
    + VERB_PATTERN.pattern)
"""A reporting verb after a name: the verbs' prefix tree (:data:`geo.claims.VERB_PATTERN`),
not an alternation of every form, which the regex engine tries one by one."""
_ACCORDING_TO = re.compile(r"\b[Aa]ccording to[ \t]+$")
_WORD_BEFORE = re.compile(r"(\w+)[ \t]+$")
PREPOSITIONS = rules.words("preposition")
"""A word before "X said" that makes X a place ("officials in Sudzha said"), not the speaker."""


def _typed_choice(cands: list[Candidate], listed: bool = False,
                  ctx: Context | None = None) -> tuple[Candidate, str] | None:
    """The reading the text or the name itself imposes (steps 1 and 3), if any: a typed
    region, a listed one, a country, continent or area (:func:`.regions.area_or_country`)."""
    for c in cands:
        if c.typed and c.place.kind == "admin1":
            return c, "the name states the region type"
    stated = [c for c in cands if c.typed and c.place.kind in STATED_KINDS]
    if stated and (ctx is not None or len({c.place.admin1 for c in stated}) == 1):
        best = rank(stated, ctx)[0] if ctx is not None else stated[0]
        return best, f"the name states the {STATED_KINDS[best.place.kind]} type"
    if stated:
        return None  # namesakes in several regions: only the article's context can choose
    for c in cands if listed else ():
        if c.place.kind == "admin1" and not c.loose:
            return c, "listed before a plural region word (\"the X and Y regions\")"
    return regions.area_or_country(cands, ctx)


def _bare_region_or_city(text: str, start: int, end: int, region: Place,
                         cities: list[Candidate]) -> tuple[Place, str]:
    surface = text[start:end]
    before = spotting.token_window(text, start)
    after = [key(t.text) for t in spotting.tokenise(text[end:end + 40])][:3]
    city = cities[0].place if cities else None
    if city is not None and CITY_CUES.intersection(before[-3:] + after):
        return city, f"bare {surface!r} read as the city: a city cue next to it"
    if city is not None and key(region.name) == key(surface):
        return city, f"bare {surface!r} read as the city: the city is its own region"
    cue = sorted(WAR_CUES.intersection(before)) or sorted(REGION_AFTER.intersection(after[:1]))
    if cue:
        return region, f"bare {surface!r} read as the region: war/region context {cue[0]!r}"
    if city is None:
        return region, f"bare {surface!r}: only the region is known"
    return city, f"bare {surface!r} read as the city: no regional cue (prominence)"


def _resolve(text: str, spot: spotting.Spot, cands: list[Candidate], ctx: Context,
             cls: str | None) -> tuple[Place | None, str, tuple[Place, str] | None]:
    """A name the text does not type (see :func:`_typed_choice`): a region or its city, or
    the most coherent settlement, kept only with evidence that it is a place here
    (:func:`.evidence.settlement_evidence`; ``cls`` is the word's :func:`.evidence.word_class`).
    The third value is the settlement (and its reading) a name left without evidence would
    be, if it is no word, outlet or first name (a list may vouch for it:
    :func:`.lists.listed_together`)."""
    surface = text[spot.start:spot.end]
    if cls == "outlet" and not evidence.named_as_settlement(text, spot.start, spot.end):
        return None, f"{surface!r} is an outlet or organisation", None
    found = [c for c in cands if c.place.kind == "admin1" and not c.loose]
    if found and found[0].place.country not in regions.HOME:
        place, how = regions.world_region(text, spot.start, spot.end, found[0], cands, ctx, cls)
        if place is not None or not any(c.place.kind == "settlement" for c in cands):
            return place, how, None
        found = []  # not that region: one of the settlements of the name, if any
    if found:
        cities = [c for c in cands if c.place.kind == "settlement" and c.place.admin1 == found[0].place.admin1]
        return *_bare_region_or_city(text, spot.start, spot.end, found[0].place, cities), None
    cands = [c for c in cands if c.place.kind not in (*regions.AREA_KINDS, "admin1")]
    if not cands:
        return None, f"{surface!r} names no place of a kind the text allows", None
    ctx.current = key(surface)
    ranked = rank(cands, ctx)
    best = own_name_first(surface, ranked)
    # a swapped-in town is as prominent as its locality (GeoNames gives L'gov population 0)
    population = max(best.population, ranked[0].population)
    dateline = forms.is_dateline(text, spot.start, spot.end)
    why = evidence.settlement_evidence(text, spot.start, spot.end, best, population, ctx, cls, dateline)
    biggest = max(ranked, key=lambda c: c.population)
    if why is None and biggest is not best:  # a world city before its namesake in the context
        why = evidence.settlement_evidence(text, spot.start, spot.end, biggest, biggest.population,
                                           ctx, cls, dateline)
        best = biggest if why else best
    how = "only candidate" if len(ranked) == 1 else (
        f"{len(ranked)} candidates; chose the one in {best.place.admin1 or best.place.country}, "
        "coherent with the article's other places")
    how += "" if best is ranked[0] else f"; its own name, only an alias of {ranked[0].place.name!r}"
    if why is None:
        kind = f"a {cls}" if cls else "only a small or far place"
        return (None, f"{surface!r} is {kind}, and the text gives no evidence that it is a place here",
                (best.place, how) if cls in (None, "surname") else None)
    return best.place, f"{how}; {why}", None


def _context(cands: list[list[Candidate]], typed: list[tuple[Candidate, str] | None],
             classes: list[str | None]) -> Context:
    """The article's unambiguous places: first what the text types (regions, countries,
    areas), then the names with a single place that stands on its own
    (:func:`.evidence.stands_alone`). A doubtful name never joins: a wrong "God" = Göd must
    not pull the article's other names to Hungary, nor vouch for itself."""
    ctx = Context(set(), set(), set())
    for chosen in typed:
        if chosen is not None:
            _add(ctx, chosen[0])
    for options, chosen, cls in zip(cands, typed, classes):
        region = regions.lone_region(options, ctx, cls) if chosen is None else None
        twins = [c.place for c in options if c.place.kind == "admin1" and not c.loose]
        if region is not None:
            _add(ctx, region)
        elif chosen is None and len(twins) == 1 and cls is None:
            ctx.admin1s.add(twins[0].admin1)  # "Donetsk", the region or its city: UA-14 either way
            ctx.countries.add(twins[0].country)
            ctx.homes.add(twins[0].country)
        elif chosen is None and cls is None and len({c.place.id for c in options}) == 1 \
                and evidence.stands_alone(options[0], ctx):
            _add(ctx, options[0])
    ctx.prepared = geom.prepare_points(ctx.points)
    return ctx


def _add(ctx: Context, cand: Candidate) -> None:
    place = cand.place
    if place.country:
        ctx.countries.add(place.country)
    if place.kind in regions.AREA_KINDS:
        return
    if place.admin1:
        ctx.admin1s.add(place.admin1)
    if place.kind == "admin1":
        ctx.regions.add(place.admin1)
    if place.kind != "country":
        ctx.homes.add(place.country)
        ctx.points.add(cand.lonlat)


def _second_reading(text: str, spots: list[spotting.Spot], cands: list[list[Candidate]],
                    classes: list[str | None], readings: list[tuple], ctx: Context) -> list[tuple]:
    """Readings with the namesakes of one region read again beside the article's other
    settlements: the unambiguous places rarely tell two Levadnes of Zaporizhzhia oblast
    apart, the villages named with them (Hulyaipole) do. Only names with two or more
    candidates in the region first chosen are read again, each beside the others' readings
    (never its own); no other name changes."""
    points = [(key(text[s.start:s.end]), geom.representative_lonlat(place.geometry))
              for s, (place, _, _) in zip(spots, readings)
              if place is not None and place.kind == "settlement" and place.precision == "settlement"]
    again = [i for i, (place, _, _) in enumerate(readings) if place is not None and place.kind == "settlement"
             and sum(c.place.kind == "settlement" and c.place.admin1 == place.admin1 for c in cands[i]) > 1]
    if not again or len(points) < 2:
        return readings
    out = list(readings)
    for i in again:
        name = key(text[spots[i].start:spots[i].end])
        second = Context(ctx.countries, ctx.admin1s, ctx.points, ctx.homes, ctx.regions, ctx.prepared,
                         neighbours=geom.prepare_points(p for n, p in points if n != name))
        out[i] = _resolve(text, spots[i], cands[i], second, classes[i])
    return out


def _overlaps(taken: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether a span overlaps one of ``taken``, in O(log n): among the spans starting before
    its end, the furthest end must pass its start (one scan of every span per candidate was
    quadratic in an article's names)."""
    spans = sorted(taken)
    starts = [s for s, _ in spans]
    furthest = list(accumulate((e for _, e in spans), max))

    def overlaps(start: int, end: int) -> bool:
        before = bisect_left(starts, end)
        return before > 0 and furthest[before - 1] > start
    return overlaps


def _unknown_mentions(doc: Document, taken: list[tuple[int, int]]) -> list[Mention]:
    found = []
    overlaps = _overlaps(taken)
    for hit in _UNKNOWN_PATTERN.finditer(doc.text, doc.body_start):
        group = 1 if hit.group(1) else 2
        start, end = hit.start(group), hit.end(group)
        while (first := re.match(r"\S+\s+", doc.text[start:end])) and \
                key(first.group()) in STOPWORDS:
            start += first.end()
        if overlaps(start, end):
            continue
        if key(doc.text[start:end]) in NOT_NAMES:
            continue
        found.append(Mention(doc.id, start, end, doc.text[start:end], None, None,
                             f"{doc.text[start:end]!r} is not in the gazetteer"))
    return found


def _speaks(text: str, spot: spotting.Spot) -> bool:
    """Whether the name is used as a speaker: "Syrsky said", "According to Syrsky, …"."""
    if _ACCORDING_TO.search(text, max(0, spot.start - 20), spot.start):
        return text[spot.end:spot.end + 1] in (",", ".", ";")
    if not SPEAKER_VERB.match(text, spot.end):
        return False
    before = _WORD_BEFORE.search(text, max(0, spot.start - 30), spot.start)
    return not (before and key(before.group(1)) in PREPOSITIONS)


def _can_speak_as_place(cands: list[Candidate]) -> bool:
    """Countries, regions and big cities speak for their governments ("Russia said")."""
    return any(c.place.kind in ("country", "admin1") or
               (c.place.kind == "settlement" and c.population >= METONYMY_POPULATION)
               for c in cands)


def _speakers(text: str, spots: list[spotting.Spot], cands: list[list[Candidate]]) -> set[str]:
    """Keys of names the article uses as a person speaking: a person never becomes a place,
    there or anywhere else in the article ("Syrsky said …" is not Syrskoye, Russia)."""
    return {key(text[s.start:s.end]) for s, options in zip(spots, cands)
            if _speaks(text, s) and not _can_speak_as_place(options)}


def find_mentions(doc: Document, gazetteer: Gazetteer) -> list[Mention]:
    """Every place mention in the article body, resolved or not, sorted by start offset."""
    text = doc.text
    spots = spotting.spot(text, gazetteer, doc.body_start)
    cands = [gazetteer.candidates(s.lookup or text[s.start:s.end]) for s in spots]
    persons = _speakers(text, spots, cands)
    if persons:
        kept = [(s, c) for s, c in zip(spots, cands) if key(text[s.start:s.end]) not in persons]
        spots, cands = [s for s, _ in kept], [c for _, c in kept]
    listed = lists.listed_regions(text, spots)
    outlet = evidence.outlet_keys(doc.source)
    classes = [evidence.word_class(text[s.start:s.end], outlet, forms.sentence_initial(text, s.start))
               for s in spots]
    typed = [_typed_choice(options, i in listed) for i, options in enumerate(cands)]
    ctx = _context(cands, typed, classes)
    readings: list[tuple] = []
    for i, (spot, options, cls) in enumerate(zip(spots, cands, classes)):
        chosen = _typed_choice(options, i in listed, ctx)
        readings.append((chosen[0].place, chosen[1], None) if chosen
                        else _resolve(text, spot, options, ctx, cls))
    readings = _second_reading(text, spots, cands, classes, readings, ctx)
    mentions = [Mention(doc.id, s.start, s.end, text[s.start:s.end], place, how, None)
                for s, (place, how, _) in zip(spots, lists.listed_together(text, spots, readings))
                if place is not None]
    mentions += _unknown_mentions(doc, [(m.start, m.end) for m in mentions])
    return sorted(mentions, key=lambda m: (m.start, m.end))
