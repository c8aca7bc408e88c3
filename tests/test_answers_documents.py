"""A model asked of in words no field owns: its values ranked as small documents (label, the
field's words, value, cited lines), the one that speaks of the question clearly more than any
other answering (`search/documents.py`)."""

from __future__ import annotations

from .conftest import asserted_answer


def test_a_benchmark_named_in_other_words_is_answered_by_the_value_citing_it() -> None:
    found = asserted_answer("what did janus-pro-7b get on the geneval image generation test")
    assert found is not None and found["id"] == "janus-pro-7b", found
    assert "0.80" in found["text"], found


def test_two_values_that_speak_of_the_words_alike_answer_nothing() -> None:
    """R1's sources give the temperature twice (the web app's, the recommended range): the
    question's words weigh the same in both, so neither is asserted as the one meant."""
    assert asserted_answer("R1 跑起来 temperature 该设多少比较好") is None


def test_words_no_value_speaks_of_answer_nothing() -> None:
    assert asserted_answer("what is janus-pro-7b's favourite colour") is None
    # A value holding only the name of another thing asked beside (OpenAI's researchers) is no
    # answer to what the rest of the words ask.
    assert asserted_answer("DeepSeek 接入时 OpenAI SDK 的 base_url 应该填什么") is None


def test_an_organisation_is_answered_by_the_figure_that_speaks_of_the_words() -> None:
    """Free credit is no field of DeepSeek's: the figure labelled with it answers."""
    found = asserted_answer("deepseek api free credit for newcomers")
    assert found is not None and found["id"] == "api-new-user-credit", found
    assert "10" in found["text"], found
