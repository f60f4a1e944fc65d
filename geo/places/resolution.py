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

from .. import geometry as geom
from .. import rules
from ..claims import VERB_PATTERN
from ..gazetteer import Gazetteer
from ..gazetteer.names import INVISIBLE, NOT_NAMES, STOPWORDS, key
from ..model import Candidate, Document, Mention, Place
from . import spotting
from .ranking import Context, nearest_km, own_name_first, rank


WAR_CUES = rules.words("war-cue")
CITY_CUES = rules.words("city-cue")
REGION_AFTER = rules.words("region-after")
"""A word right after a bare name that makes it the region: "the Kursk operation"."""
SETTLEMENT_TYPES = rules.words("settlement-type")
SETTLEMENT_CUES = SETTLEMENT_TYPES | rules.words("settlement-cue")
MIN_POPULATION_WITHOUT_CUE = 15_000
NEAR_KM = 100.0
"""A GeoNames place smaller than this population, neither in a region the article names nor
within NEAR_KM of its other places, needs a cue ("the village of X")."""
_PLURAL_REGION = re.compile(r"[ \t\u00a0]+(?:regions|oblasts|provinces)\b", re.IGNORECASE)
_LIST_GAP = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]*(?:(?:and|or)[ \t\u00a0]+)?|[ \t\u00a0]+(?:and|or)[ \t\u00a0]+")

_UNKNOWN_PATTERN = re.compile(
    rf"\b(?:{rules.alternation(SETTLEMENT_TYPES)})s? of ((?:[A-Z\u0400-\u042f][\w{INVISIBLE}'\u2019-]+)"
    rf"(?: [A-Z\u0400-\u042f][\w{INVISIBLE}'\u2019-]+)*)"
    rf"|\b((?:[A-Z\u0400-\u042f][\w{INVISIBLE}'\u2019-]+)(?: [A-Z\u0400-\u042f][\w'\u2019-]+)*)"
    r" (?:[Oo]blast|region|district|raion)\b"
)


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


def listed_regions(text: str, spots: list[spotting.Spot]) -> frozenset[int]:
    """Indices of the spots in a list of two or more names closed by a plural region word:
    "the Belgorod, Kursk and Bryansk regions" names three regions, whatever the cues around
    them, though only the last name is next to the region word."""
    listed: set[int] = set()
    for i in (i for i, last in enumerate(spots) if _PLURAL_REGION.match(text, last.end)):
        first = i
        while first > 0 and _LIST_GAP.fullmatch(text, spots[first - 1].end, spots[first].start):
            first -= 1
        listed.update(range(first, i + 1) if first < i else ())
    return frozenset(listed)


def _typed_choice(cands: list[Candidate], listed: bool = False) -> tuple[Candidate, str] | None:
    """The reading the text or the name itself imposes (steps 1 and 3), if any."""
    for c in cands:
        if c.typed and c.place.kind == "admin1":
            return c, "the name states the region type"
    for c in cands if listed else ():
        if c.place.kind == "admin1" and not c.loose:
            return c, "listed before a plural region word (\"the X and Y regions\")"
    for c in cands:
        if c.place.kind == "country" and not c.loose:
            return c, "country name"
    return None


def _bare_region_or_city(text: str, start: int, end: int, region: Place,
                         cities: list[Candidate]) -> tuple[Place, str]:
    surface = text[start:end]
    before = spotting.token_window(text, start)
    after = [key(t.text) for t in spotting.tokenise(text[end:end + 40])][:3]
    city = cities[0].place if cities else None
    if city is not None and CITY_CUES.intersection(before[-3:] + after):
        return city, f"bare {surface!r} read as the city: a city cue next to it"
    cue = sorted(WAR_CUES.intersection(before)) or sorted(REGION_AFTER.intersection(after[:1]))
    if cue:
        return region, f"bare {surface!r} read as the region: war/region context {cue[0]!r}"
    if city is None:
        return region, f"bare {surface!r}: only the region is known"
    return city, f"bare {surface!r} read as the city: no regional cue (prominence)"


def _resolve(text: str, spot: spotting.Spot, cands: list[Candidate], ctx: Context) -> tuple[Place | None, str]:
    """A name the text does not type (see :func:`_typed_choice`): a region or its city, or
    the most coherent settlement. The settlement cue ("the village of X") is looked for
    only when the choice is a small, far place that needs one."""
    surface = text[spot.start:spot.end]
    regions = [c.place for c in cands if c.place.kind == "admin1" and not c.loose]
    if regions:
        cities = [c for c in cands if c.place.kind == "settlement" and c.place.admin1 == regions[0].admin1]
        return _bare_region_or_city(text, spot.start, spot.end, regions[0], cities)
    ranked = rank(cands, ctx)
    best = own_name_first(surface, ranked)
    # a swapped-in town is as prominent as its locality (GeoNames gives L'gov population 0)
    population = max(best.population, ranked[0].population)
    weak = best.place.source == "geonames" and population < MIN_POPULATION_WITHOUT_CUE and not (
        best.place.admin1 in ctx.admin1s or nearest_km(best, ctx) <= NEAR_KM)
    if weak and not SETTLEMENT_CUES.intersection(spotting.token_window(text, spot.start, 3)):
        return None, f"{surface!r} is only a small place far from the article's other places"
    how = "only candidate" if len(ranked) == 1 else (
        f"{len(ranked)} candidates; chose the one in {best.place.admin1 or best.place.country}, "
        "coherent with the article's other places")
    own = "" if best is ranked[0] else f"; its own name, only an alias of {ranked[0].place.name!r}"
    return best.place, how + own


def _context(cands: list[list[Candidate]], typed: list[tuple[Candidate, str] | None]) -> Context:
    """The article's unambiguous places: typed choices and names with a single place."""
    ctx = Context(set(), set(), set())
    for options, chosen in zip(cands, typed):
        if chosen is None and len({c.place.id for c in options}) == 1:
            chosen = options[0], ""
        if chosen is None:
            continue
        place = chosen[0].place
        if place.country:
            ctx.countries.add(place.country)
        if place.admin1:
            ctx.admin1s.add(place.admin1)
        if place.kind != "country":
            ctx.points.add(chosen[0].lonlat)
    ctx.prepared = geom.prepare_points(ctx.points)
    return ctx


def _unknown_mentions(doc: Document, taken: list[tuple[int, int]]) -> list[Mention]:
    found = []
    for hit in _UNKNOWN_PATTERN.finditer(doc.text, doc.body_start):
        group = 1 if hit.group(1) else 2
        start, end = hit.start(group), hit.end(group)
        while (first := re.match(r"\S+\s+", doc.text[start:end])) and \
                key(first.group()) in STOPWORDS:
            start += first.end()
        if any(s < end and start < e for s, e in taken):
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
    cands = [gazetteer.candidates(text[s.start:s.end]) for s in spots]
    persons = _speakers(text, spots, cands)
    if persons:
        kept = [(s, c) for s, c in zip(spots, cands) if key(text[s.start:s.end]) not in persons]
        spots, cands = [s for s, _ in kept], [c for _, c in kept]
    listed = listed_regions(text, spots)
    typed = [_typed_choice(options, i in listed) for i, options in enumerate(cands)]
    ctx = _context(cands, typed)
    mentions = []
    for spot, options, chosen in zip(spots, cands, typed):
        place, how = (chosen[0].place, chosen[1]) if chosen else _resolve(text, spot, options, ctx)
        surface = text[spot.start:spot.end]
        if place is None:
            continue
        mentions.append(Mention(doc.id, spot.start, spot.end, surface, place, how, None))
    mentions += _unknown_mentions(doc, [(m.start, m.end) for m in mentions])
    return sorted(mentions, key=lambda m: (m.start, m.end))
