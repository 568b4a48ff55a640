"""Every registered rule, exercised by cases in fixtures/rules/<rule>.json.

A case parses ``input`` and checks whether a removal under the rule's name appears
(``removed``), which strings survive (``kept``) and which do not (``gone``).  The meta-test
requires a positive and a negative case for every rule in the registry.
"""

from __future__ import annotations

import json

import pytest

import wikiparse
from wikiparse.errors import UnknownRuleError
from wikiparse.rules import registry, ruleset

from .conftest import FIXTURES
from .pagetext import kept_text

RULES_DIR = FIXTURES / "rules"


def _cases() -> list[object]:
    out = []
    for path in sorted(RULES_DIR.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            out.append(pytest.param(path.stem, case, id=f"{path.stem}: {case['label']}"))
    return out


@pytest.mark.parametrize(("rule", "case"), _cases())
def test_rule_case(rule: str, case: dict[str, object]) -> None:
    page = wikiparse.parse(str(case["input"]), format=case.get("format"))  # type: ignore[arg-type]
    names = [r.rule for r in page.removed]
    assert (rule in names) is case["removed"], names
    text = kept_text(page)
    for snippet in case["kept"]:  # type: ignore[attr-defined]
        assert snippet in text
    for snippet in case["gone"]:  # type: ignore[attr-defined]
        assert snippet not in text


# Rules whose cases need a reader that is still being built; the test fails once a case exists.
PENDING: dict[str, str] = {}


def test_every_rule_has_positive_and_negative_cases() -> None:
    missing = []
    for name in registry():
        path = RULES_DIR / f"{name}.json"
        cases = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
        kinds = {c["removed"] for c in cases}
        rewrite = name == "glue-repair"  # a rewrite never removes: its cases are changed/unchanged
        if not (rewrite and len(cases) >= 2) and kinds != {True, False}:
            missing.append(name)
    assert set(missing) == set(PENDING), f"rules without a positive and a negative case: {missing}"


def test_case_files_name_known_rules() -> None:
    unknown = [p.stem for p in RULES_DIR.glob("*.json") if p.stem not in registry()]
    assert not unknown


def test_unknown_rule_names_are_refused() -> None:
    with pytest.raises(UnknownRuleError, match="known rules"):
        ruleset("text", disable=["no-such-rule"])
    with pytest.raises(UnknownRuleError):
        ruleset("no-such-preset")


def test_disabling_a_rule_keeps_its_text() -> None:
    options = wikiparse.ParseOptions.build(disable=["ad-blocker-notice"])
    page = wikiparse.parse("Kettle Hill is a hill.\n\nAd blocker interference detected!\n", options=options)
    assert "Ad blocker interference detected!" in kept_text(page)
