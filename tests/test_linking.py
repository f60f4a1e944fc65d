"""Claims are tied to the places they name, or to the place their context is about."""

from __future__ import annotations

from factories import claim_at, document, mention_of, place
from geo.layer import link_claims

TEXT = (
    "date 2025-03-13\n"
    "According to Sternenko, the war crime took place in the village of Kazachya Loknya, "
    "Kursk Oblast. He disclosed that Ukrainian units in this settlement were blocked. "
    "Gerasimov said that some units advanced into the region. "
    "Russia's forces have retaken 24 settlements in the border region. "
    "Moments later, Putin added: \"We treat all people humanely.\"\n"
)
KL = place("theatre:kazachya-loknya", "settlement", "Kazachya Loknya")
KRS = place("iso:RU-KRS", "admin1", "Kursk Oblast")
RU = place("iso:RU", "country", "Russia")


def _setup():
    doc = document(TEXT)
    mentions = [mention_of(doc, "Kazachya Loknya", KL), mention_of(doc, "Kursk Oblast", KRS),
                mention_of(doc, "Russia", RU)]
    return doc, mentions


def _links_for(links, claim):
    return [(link.place.id, link.link) for link in links if link.claim == claim]


def test_named_places_are_linked_in_order_of_mention():
    doc, mentions = _setup()
    claim = claim_at(doc, "According to Sternenko, the war crime took place in the village of "
                          "Kazachya Loknya, Kursk Oblast.", "Serhiy Sternenko")
    links, unplaced = link_claims([claim], mentions)
    assert _links_for(links, claim) == [(KL.id, "named"), (KRS.id, "named")]
    assert unplaced == []


def test_settlement_anaphor_reaches_the_settlement_not_the_region():
    doc, mentions = _setup()
    claim = claim_at(doc, "He disclosed that Ukrainian units in this settlement were blocked.")
    links, _ = link_claims([claim], mentions)
    assert _links_for(links, claim) == [(KL.id, "context")]


def test_region_anaphor_reaches_the_region():
    doc, mentions = _setup()
    claim = claim_at(doc, "Gerasimov said that some units advanced into the region.")
    links, _ = link_claims([claim], mentions)
    assert _links_for(links, claim) == [(KRS.id, "context")]


def test_country_only_claim_also_gets_the_border_region_it_refers_to():
    doc, mentions = _setup()
    claim = claim_at(doc, "Russia's forces have retaken 24 settlements in the border region.")
    links, _ = link_claims([claim], mentions)
    assert _links_for(links, claim) == [(RU.id, "named"), (KRS.id, "context")]


def test_claim_without_anaphor_takes_nearest_earlier_non_country_place():
    doc, mentions = _setup()
    claim = claim_at(doc, "Moments later, Putin added: \"We treat all people humanely.\"")
    links, _ = link_claims([claim], mentions)
    assert _links_for(links, claim) == [(KRS.id, "context")]


def test_claim_before_any_place_takes_the_first_place_after_it():
    doc = document("date 2025-03-13\nPeskov said nothing new. Fighting continued near Sudzha.\n")
    sudzha = place("theatre:sudzha", "settlement", "Sudzha")
    claim = claim_at(doc, "Peskov said nothing new.")
    links, unplaced = link_claims([claim], [mention_of(doc, "Sudzha", sudzha)])
    assert _links_for(links, claim) == [(sudzha.id, "context")] and unplaced == []


def test_article_without_resolved_places_leaves_claims_unplaced_not_dropped():
    doc = document("date 2025-03-13\nPeskov said talks were possible in Atlantis.\n")
    claim = claim_at(doc, "Peskov said talks were possible in Atlantis.")
    links, unplaced = link_claims([claim], [mention_of(doc, "Atlantis", None)])
    assert links == [] and unplaced == [claim]
