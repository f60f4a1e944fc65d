"""geo.rules: the rule tables are data, read by one loader that names the file and line of a
malformed entry; adding a verb is one line."""

from __future__ import annotations

import pytest

from geo import rules
from geo.claims.verbs import REPORTING_VERBS, verb_forms
from geo.errors import ClaimmapError


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


LEXICON, VERBS, SPEAKERS = ((rules.read_lexicon, "words.txt"),
                             (rules.read_verbs, "reporting_verbs.csv"),
                             (rules.read_speakers, "speakers.csv"))
NUMBERS = (lambda path: rules.read_keyed(path, ("word", "value", "kind"),
                                         {"kind": ("number", "scale")}, number="value"),
           "numbers.csv")
VERB_HEADER = "lemma,forms,noun,not_verbs,bulletin\n"
SPEAKER_HEADER = "canonical,kind,alias\n"


@pytest.mark.parametrize("reader, text, line, message", [
    (LEXICON, "# a comment\nsaid: filler\nsaid: title\n", 3, "already on line 2"),
    (LEXICON, "governor title role\n", 1, "expected 'word: tag"),
    (LEXICON, "governor: title rank\n", 1, "unknown tag 'rank'"),
    (LEXICON, "\nGovernor: title\n", 2, "not lower case"),
    (LEXICON, "they: function pronoun\n", 1, "needs a gender tag"),
    (LEXICON, "mx: f m\n", 1, "both f and m"),
    (VERBS, "lemma,forms\nsay,,\n", 1, "header must be lemma,forms,noun,not_verbs,bulletin"),
    (VERBS, "# verbs\n" + VERB_HEADER + "say,says|said|saying,,\n", 3, "expected 5 fields"),
    (VERBS, VERB_HEADER + "claim,,maybe,,\n", 2, "noun 'maybe' is not one of"),
    (VERBS, VERB_HEADER + ",,,,\n", 2, "lemma is empty"),
    (VERBS, VERB_HEADER + "warn,,,,\nwarn,,,,\n", 3, "listed twice"),
    (SPEAKERS, SPEAKER_HEADER + "Vladimir Putin,person,Putin\nVladimir Putin,org,Kremlin\n", 3,
     "is a person above, not a org"),
    (SPEAKERS, SPEAKER_HEADER + "Dmitry Peskov,spokesman,Peskov\n", 2,
     "kind 'spokesman' is not one of"),
    (SPEAKERS, SPEAKER_HEADER + "Dmitry Peskov,person,Peskov\n" * 2, 3, "listed twice"),
    (NUMBERS, "word,value,kind\nfive,5,number\nfive,5,number\n", 3, "listed twice"),
    (NUMBERS, "word,value,kind\nFive,5,number\n", 2, "not lower case"),
    (NUMBERS, "word,value,kind\nfive,V,number\n", 2, "value 'V' is not a number"),
    (NUMBERS, "word,value,kind\nfive,5,digit\n", 2, "kind 'digit' is not one of"),
])
def test_a_malformed_line_is_named_with_its_file_and_line(tmp_path, reader, text, line, message):
    read, name = reader
    path = _write(tmp_path, name, text)
    with pytest.raises(ClaimmapError, match=message) as error:
        read(path)
    assert (error.value.path, error.value.line) == (str(path), line)
    assert str(error.value).startswith(f"{path}:{line}: ")


def test_a_not_verb_that_is_no_form_of_its_lemma_is_named(tmp_path):
    path = _write(tmp_path, "reporting_verbs.csv",
                  "lemma,forms,noun,not_verbs,bulletin\nwarn,,,,\nstate,,yes,statement,\n")
    with pytest.raises(ClaimmapError, match="'statement' is no form of 'state'") as error:
        verb_forms(rules.read_verbs(path), path)
    assert error.value.line == 3


def test_adding_a_verb_is_one_line(tmp_path):
    bundled = rules.VERBS_FILE.read_text(encoding="utf-8")
    path = _write(tmp_path, "reporting_verbs.csv", bundled + "proclaim,,,,\n")
    added = set(verb_forms(rules.read_verbs(path), path)) - set(REPORTING_VERBS)
    assert added == {"proclaim", "proclaims", "proclaimed", "proclaiming"}


def test_every_tag_names_some_words():
    """A tag no word carries would be a list the code reads and nobody can see."""
    assert [tag for tag in rules.TAGS if not rules.words(tag)] == []
