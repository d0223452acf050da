"""Word lists are checked when they load: a typo fails with the file and line."""

import pytest

from newsgraph.stages.events.lexicon import (NOUNS, OTHER_SENSES, PAIRS, QUADS, TYPES, VERBS, load_quads, load_senses,
                                             load_triggers)
from newsgraph.stages.word_lists import WordListError, read_table

HEADER = "kind\tlemma\ttype\tmode\trecipient\tflags\n"


def test_the_bundled_lexicon_reads_its_flags():
    assert VERBS["договориться"].mutual and VERBS["договориться"].embeds == "absorbed"
    assert NOUNS["удар"].light == ("нанести", "наносить") and NOUNS["удар"].recipient == ("по",)
    assert PAIRS[("выступить", "+против")].type == "ACCUSE" and PAIRS[("выступить", "+против")].mode == "disapprove"


def test_a_repeated_key_names_both_lines(tmp_path):
    path = tmp_path / "triggers.tsv"
    path.write_text(HEADER + "verb\tосудить\tACCUSE\t-\tobj\t-\nverb\tосудить\tCOERCE\t-\tobj\t-\n", encoding="utf-8")
    with pytest.raises(WordListError, match=r"triggers.tsv:3: .*line 2"):
        read_table(path, tuple(HEADER.split()), key=("kind", "lemma"))


def test_the_type_with_an_infinitive_must_be_a_plover_type(tmp_path):
    assert VERBS["предложить"].type == "AGREE" and VERBS["предложить"].infinitive == "REQUEST"
    path = tmp_path / "triggers.tsv"
    path.write_text(HEADER + "verb\tпредложить\tAGREE\t-\tDat\tinfinitive=ASK\n", encoding="utf-8")
    with pytest.raises(WordListError, match="предложить: unknown flag 'infinitive=ASK'"):
        load_triggers(path)


def test_an_unknown_plover_type_is_refused(tmp_path):
    path = tmp_path / "triggers.tsv"
    path.write_text(HEADER + "verb\tобнять\tHUG\t-\tobj\t-\n", encoding="utf-8")
    with pytest.raises(WordListError, match="unknown PLOVER type 'HUG'"):
        load_triggers(path)


def test_every_plover_type_has_its_quad_category_and_a_gap_is_refused(tmp_path):
    assert QUADS.keys() == TYPES and QUADS["ASSAULT"] == "material conflict" and QUADS["AID"] == "material cooperation"
    path = tmp_path / "quads.tsv"
    path.write_text("type\tquad\n" + "".join(f"{t}\t{QUADS[t]}\n" for t in sorted(TYPES - {"AID"})), encoding="utf-8")
    with pytest.raises(WordListError, match="no quad for AID"):
        load_quads(path)
    path.write_text("type\tquad\nAID\tfriendly\n", encoding="utf-8")
    with pytest.raises(WordListError, match="AID"):
        load_quads(path)


def test_the_bundled_senses_name_known_tests():
    assert OTHER_SENSES["осудить"][0].test == "dependent" and "к:год" in OTHER_SENSES["осудить"][0].words
    assert {s.test for senses in OTHER_SENSES.values() for s in senses} <= {"dependent", "person_object", "interview", "bare", "claim"}


def test_an_unknown_sense_test_names_the_lemma(tmp_path):
    path = tmp_path / "senses.tsv"
    path.write_text("lemma\ttest\twords\nосудить\tcourt\t-\n", encoding="utf-8")
    with pytest.raises(WordListError, match="осудить: unknown test 'court'"):
        load_senses(path)
