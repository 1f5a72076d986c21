"""The article-kind recogniser tells a report from an argument by its style (texts written for this test)."""

import pytest

from desktop.core.errors import PrecisError
from desktop.core.kind import detect_kind
from desktop.core.pipeline import AnalysisOptions

REPORT = (
    "The harbour council voted on Monday to rebuild the old sea wall, officials said. The wall, built in 1952, "
    "lost 30pc of its height in storms on January 4 and 19, according to the harbour office. \"We had no choice,\" "
    "the mayor told reporters, adding that work would start on April 2. A spokesman said the loan of 12m euros "
    "was approved by 14 votes to 3."
)
ARGUMENT = (
    "The decision to rebuild the sea wall is welcome, but it is not enough. The council must explain how it "
    "intends to pay for the maintenance the wall will need for decades. Indeed, the failure to plan for erosion "
    "is what brought the town to this point; a loan cannot substitute for a strategy. It is time the authorities "
    "took responsibility for a comprehensive adaptation policy, rather than reacting to each storm."
)


def test_a_report_is_news_and_an_argument_is_an_argument():
    assert detect_kind(REPORT).kind == "news"
    assert detect_kind(ARGUMENT).kind == "argument"
    assert detect_kind(ARGUMENT).argument_probability > 0.5 > detect_kind(REPORT).argument_probability


def test_an_unknown_kind_is_refused_with_a_hint():
    with pytest.raises(PrecisError) as caught:
        AnalysisOptions(kind="poem")
    assert "auto" in caught.value.hint
