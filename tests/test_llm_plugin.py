"""The `llm` plugin through `llm` itself, with the offline echo model (llm-echo), which answers
with everything it was sent: the fragments in its prompt, the tools' results."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

LLM = Path(sys.executable).parent / "llm"


def llm(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """`llm` as a user runs it, its logs and keys in a folder of the test's own."""
    env = {**os.environ, "LLM_USER_PATH": str(home)}
    return subprocess.run(
        [str(LLM), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def _echoed(done: subprocess.CompletedProcess[str]) -> Any:
    """The last JSON object the echo model wrote (a tool chain writes one per round)."""
    assert done.returncode == 0, done.stderr
    decoder, text, at, last = json.JSONDecoder(), done.stdout, 0, None
    while text[at:].strip():
        last, end = decoder.raw_decode(text, text.index("{", at))
        at = end
    return last


@pytest.mark.slow
def test_the_plugin_is_registered_with_llm(tmp_path: Path) -> None:
    """`llm plugins` lists dskb with its fragment loader and its toolbox."""
    done = llm("plugins", home=tmp_path)
    plugin = next(p for p in json.loads(done.stdout) if p["name"] == "dskb")
    assert {"register_fragment_loaders", "register_tools"} <= set(plugin["hooks"])


@pytest.mark.slow
def test_a_record_fragment_reaches_the_model_with_record_and_source_ids(tmp_path: Path) -> None:
    """-f dskb:record/deepseek-v3 puts the record, its values and its sources in the prompt."""
    done = llm("-m", "echo", "-f", "dskb:record/deepseek-v3", "How was V3 trained?", home=tmp_path)
    prompt = _echoed(done)["prompt"]
    assert "`deepseek-v3`" in prompt and "dskb://record/deepseek-v3" in prompt
    assert "$5.576M" in prompt and "v3-paper p.5" in prompt and "#page=5" in prompt
    assert prompt.rstrip().endswith("How was V3 trained?")


@pytest.mark.slow
def test_a_search_fragment_carries_the_cited_answer(tmp_path: Path) -> None:
    """-f 'dskb:search/V3 training cost' gives the answer with its quote and link."""
    done = llm("-m", "echo", "-f", "dskb:search/V3 training cost", "cost?", home=tmp_path)
    prompt = _echoed(done)["prompt"]
    assert "Answer: DeepSeek-V3 · training cost · $5.576M" in prompt
    assert "our total training costs amount to only $5.576M" in prompt


@pytest.mark.slow
def test_the_toolbox_answers_and_cites_through_a_tool_call(tmp_path: Path) -> None:
    """The model calls Dskb_answer and Dskb_cite; their results, with record and source ids
    and links, come back to it."""
    calls = {
        "tool_calls": [
            {"name": "Dskb_answer", "arguments": {"question": "DeepSeek-V3 training cost"}},
            {"name": "Dskb_cite", "arguments": {"id_or_query": "liang-moat-closed-source"}},
        ]
    }
    done = llm("-m", "echo", "-T", "Dskb", json.dumps(calls), home=tmp_path)
    results = {r["name"]: r["output"] for r in _echoed(done)["tool_results"]}
    answer, cited = results["Dskb_answer"], results["Dskb_cite"]
    assert "$5.576M" in answer and "`deepseek-v3`" in answer and "v3-paper p.5" in answer
    assert "https://github.com/deepseek-ai/DeepSeek-V3/blob/" in answer
    assert "Sources:" in cited and "article" in cited


@pytest.mark.slow
def test_an_unknown_record_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    """A fragment for an id that does not exist fails with dskb's message."""
    done = llm("-m", "echo", "-f", "dskb:record/no-such-record", "hi", home=tmp_path)
    assert done.returncode != 0
    assert "no record has the id 'no-such-record'" in done.stderr
    assert "Traceback" not in done.stderr
