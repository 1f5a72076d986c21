"""Acronyms and their in-text definitions: pure functions, no model, texts written for these tests."""


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.acronyms import AcronymMention, Definition, find_acronyms
from desktop.core.definitions import find_definitions

KNOWN = {"WHO", "US", "IT", "IMF", "Nato", "Nacta", "Unesco", "Fifa", "Covid-19", "IV", "Act"}


def known(form: str) -> bool:
    return form in KNOWN


def forms(text, is_known=None):
    mentions = find_acronyms(text, is_known)
    for mention in mentions:
        assert isinstance(mention, AcronymMention)
        assert mention.start < mention.end and text[mention.start:mention.end].startswith(mention.form[:1])
    return [mention.form for mention in mentions]


def spans(text, is_known=None):
    return [text[m.start:m.end] for m in find_acronyms(text, is_known)]


def pairs(text):
    definitions = find_definitions(text)
    for d in definitions:
        assert isinstance(d, Definition)
        assert text[d.long_start:d.long_end] == d.long
        assert text[d.short_start:d.short_end].startswith(d.short[:1])
    return [(d.short, d.long, d.pattern) for d in definitions]


# ---- find_acronyms: what counts ----------------------------------------------------------------------------------

def test_capital_forms_with_hyphens_digits_ampersands_and_dots():
    text = (
        "The TTP and IS-K threaten KP, while the PML-N and the IMF talk about G20 trade, R&D spending, "
        "U.S. aid, AT&T and COVID-19 in the U.K. this year."
    )
    assert forms(text) == [
        "TTP", "IS-K", "KP", "PML-N", "IMF", "G20", "R&D", "U.S.", "AT&T", "COVID-19", "U.K.",
    ]


def test_spans_index_the_text_plural_kept_possessive_dropped():
    text = "New SOPs, two MoUs, the TTP's claim, the TTP’s men, PhDs and NGOs' funds."
    mentions = find_acronyms(text)
    assert [(m.form, text[m.start:m.end]) for m in mentions] == [
        ("SOP", "SOPs"), ("MoU", "MoUs"), ("TTP", "TTP"), ("TTP", "TTP"), ("PhD", "PhDs"), ("NGO", "NGOs"),
    ]


def test_mixed_case_acronyms_count_and_camel_case_names_do_not():
    text = "An MoU on mRNA research, a PhD, IoT devices and SaaS firms; McDonald, iPhone, YouTube and OpenAI."
    assert forms(text) == ["MoU", "mRNA", "PhD", "IoT", "SaaS"]


def test_pieces_of_words_in_capitals():
    assert forms("US-led talks on HIV/AIDS and anti-IMF protests") == ["US", "HIV", "AIDS", "IMF"]


def test_capitalised_first_word_of_an_article_is_not_an_acronym():
    text = " date 2026-02-27 CONSIDERING the relentless wave of attacks, the TTP must be stopped.\n\nMore later."
    assert forms(text) == ["TTP"]
    assert forms("PESHAWAR: The IS-K claimed the attack.") == ["IS-K"]


def test_an_unknown_long_word_opening_a_paragraph_is_a_word_in_capitals():
    text = "Some text here about things.\n\nMEANWHILE the NAP was revised and NACTA was asked to report."
    assert forms(text) == ["NAP", "NACTA"]


def test_headline_in_capitals_is_skipped_except_for_forms_the_text_or_glossary_confirms():
    text = "PM WARNS OF TOUGH TIMES AHEAD AS IMF TALKS STALL IN TTP CRISIS\n\nThe TTP said on Monday it would talk."
    assert forms(text) == ["TTP", "TTP"]
    assert forms(text, known) == ["IMF", "TTP", "TTP"]


def test_roman_numerals_single_letters_and_i_are_not_acronyms():
    text = "After World War II, Pope Benedict XVI and Louis XIV met A and I in Phase III of the NHS plan."
    assert forms(text) == ["NHS"]
    assert forms("Henry IV died; an IV drip was fitted.", known) == ["IV"]


def test_short_numerals_with_l_c_d_m_are_acronyms():
    assert forms("He moved to Washington DC and burnt a CD.") == ["DC", "CD"]


def test_shouted_ordinary_words_are_not_acronyms():
    text = "It was VERY bad. We must NOT give up, they said: STOP the war NOW. The NAP is failing."
    assert forms(text) == ["NAP"]
    assert forms("It was NEVER explained, and never will be. The BISP helps.") == ["BISP"]


def test_a_run_of_words_in_capitals_is_shouting():
    assert forms("The sign read STOP THE WAR ON GAZA and the UN replied.") == ["UN"]


def test_known_forms_that_are_also_words():
    text = "The US army and the WHO said so. IT firms agreed."
    assert forms(text) == ["US"]  # without a glossary, WHO and IT are words
    assert forms(text, known) == ["US", "WHO", "IT"]
    # ...but not where capitals are emphasis: a newspaper's opening word, a headline.
    assert forms("IT is a pity that the WHO was ignored.", known) == ["WHO"]
    assert forms("WHO CARES ABOUT THE IMF\n\nNobody.", known) == ["IMF"]


def test_title_case_forms_only_when_the_glossary_knows_them():
    text = "Nacta, Nato, Unesco and Fifa met Pakistan's Covid-19 team. Act now, they said. The Act was read."
    assert forms(text) == []
    found = find_acronyms(text, known)
    assert [(m.form, text[m.start:m.end]) for m in found] == [
        ("Nacta", "Nacta"), ("Nato", "Nato"), ("Unesco", "Unesco"), ("Fifa", "Fifa"), ("Covid-19", "Covid-19"),
        ("Act", "Act"),
    ]
    assert found[-1].start == text.rindex("Act")  # a common word opening a sentence is that word


def test_is_known_is_asked_once_per_form():
    asked = []

    def counting(form):
        asked.append(form)
        return form == "Nato"

    find_acronyms("Nato and Nato and Nato; the WHO and the WHO.", counting)
    assert sorted(asked) == sorted(set(asked))


def test_dotted_initials_of_a_person_are_not_an_acronym():
    assert forms("J.K. Rowling spoke to U.S. officials.") == ["U.S."]


def test_units_after_numbers_are_not_acronyms_but_5g_and_3d_are():
    assert forms("A 100MW plant, 5G phones and 3D printers.") == ["5G", "3D"]


# ---- find_definitions: each pattern --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Pakistan Muslim League-Nawaz (PML-N) won the vote.",
            ("PML-N", "Pakistan Muslim League-Nawaz", "long (short)"),
        ),
        (
            "It met the IMF (International Monetary Fund) on Monday.",
            ("IMF", "International Monetary Fund", "short (long)"),
        ),
        (
            "The National Counter Terrorism Authority, or Nacta, was revived.",
            ("Nacta", "National Counter Terrorism Authority", "long, or short"),
        ),
        (
            "The TTP, short for Tehreek-i-Taliban Pakistan, claimed the attack.",
            ("TTP", "Tehreek-i-Taliban Pakistan", "short, short for long"),
        ),
        (
            "The Tehreek-e-Taliban Pakistan, known as the TTP, said so.",
            ("TTP", "Tehreek-e-Taliban Pakistan", "known as"),
        ),
        (
            "The Islamic State-Khorasan — IS-K — claimed it.",
            ("IS-K", "Islamic State-Khorasan", "long — short —"),
        ),
        (
            "He heads the Federal Board of Revenue, FBR, since May.",
            ("FBR", "Federal Board of Revenue", "long, short,"),
        ),
        (
            "The agencies agreed on a Standard Operating Procedure (SOP).",
            ("SOP", "Standard Operating Procedure", "long (short)"),
        ),
        (
            "Both sides signed memoranda of understanding (MoUs) on trade.",
            ("MoU", "memoranda of understanding", "long (short)"),
        ),
    ],
)
def test_each_definition_pattern(text, expected):
    assert pairs(text) == [expected]


def test_plural_short_form_span_keeps_its_s():
    text = "Police issued new standard operating procedures (SOPs) for rallies."
    [definition] = find_definitions(text)
    assert definition.short == "SOP" and text[definition.short_start:definition.short_end] == "SOPs"


def test_initials_after_a_connector_of_a_longer_run():
    text = "Officials of the National Accountability Bureau arrived. Later, NAB officials said the case was weak."
    assert pairs(text) == [("NAB", "National Accountability Bureau", "initials")]


def test_initials_of_an_earlier_name_define_a_later_acronym():
    text = (
        "After the school attack the nation came together to formulate the National Action Plan, a similar "
        "effort is needed. The framework exists, such as NAP 2.0 as well as other bodies."
    )
    [definition] = find_definitions(text)
    assert (definition.short, definition.long, definition.pattern) == ("NAP", "National Action Plan", "initials")
    assert text[definition.short_start:definition.short_end] == "NAP"
    assert definition.long_start < definition.short_start


def test_initials_are_strict():
    # Part of a longer name, an address, two letters, a name after the acronym's first use: no definition.
    assert pairs("The Greater New York Authority met. Later the NYA chief said that the plan was fine.") == []
    assert pairs("The University of North Carolina is large. The NC court ruled against the state today.") == []
    assert pairs("Department of Biology, Columbia University, New York, NY 10027, USA.") == []
    assert pairs("The Prime Minister spoke. Later the PM said that the talks were going well.") == []
    assert pairs("The NAP is old. Then the National Action Plan was revised, and the NAP was praised by all.") == []


def test_schwartz_hearst_matching_prefers_the_better_spelled_long_form():
    # "phosphatase 2A" is the shortest match, "protein phosphatase 2A" the one whose words spell PP2A.
    assert pairs("Inhibition of protein phosphatase 2A (PP2A) was seen.") == [
        ("PP2A", "protein phosphatase 2A", "long (short)")
    ]
    # First letter at the start of a hyphenated word takes the whole word.
    assert pairs("Binding to the pre-T cell receptor (TCR) was measured.")[0][1] == "pre-T cell receptor"


def test_brackets_that_are_not_definitions():
    text = (
        "Cells (see below) grew (n = 5) in mice (2019); the TAF(II) gene and interleukins (IL-2, IL-4 and IL-6) "
        "were measured in parts (i) and (ii), as the results (A-G) show."
    )
    assert pairs(text) == []


def test_a_bracketed_aside_does_not_join_the_long_form():
    text = "The human REV1 (hREV1) and REV3 (hREV3) genes were identified."
    assert pairs(text) == [("hREV1", "human REV1", "long (short)")]  # and not "(hREV1) and REV3" for hREV3


def test_a_coordination_keeps_the_nearer_conjunct():
    text = "Cells expressing the Ah receptor and Ah nuclear translocator (Arnt) proteins were used."
    assert pairs(text) == [("Arnt", "Ah nuclear translocator", "long (short)")]


def test_definitions_come_in_document_order():
    text = "The World Health Organization (WHO) and the International Monetary Fund (IMF) met."
    assert [p[0] for p in pairs(text)] == ["WHO", "IMF"]


def test_empty_and_plain_texts():
    assert find_acronyms("") == [] and find_definitions("") == []
    assert find_acronyms("nothing in capitals here") == [] and find_definitions("(nothing) here") == []


# ---- any text -----------------------------------------------------------------------------------------------------

_PIECES = [
    "the", "National", "Action", "Plan", "(NAP)", "NAP", "IS-K", "U.S.", "MoUs", "TTP's", "or", "known", "as",
    "short", "for", "—", ",", ".", "\n", "\n\n", "(", ")", "[", "]", "WHO", "Nato", "II", "VERY", "p53", "𝐍𝐀𝐒𝐀",
]


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join),
    st.text(alphabet="ABCIVXabc ()[]-.,;:/&'’s019\n—é", max_size=80),
))
def test_any_text_gives_valid_spans(text):
    for mention in find_acronyms(text, known):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end][:1] == mention.form[:1]
    for definition in find_definitions(text):
        assert text[definition.long_start:definition.long_end] == definition.long == definition.long.strip()
        assert 0 <= definition.short_start < definition.short_end <= len(text) and definition.long


def test_known_abbreviations_in_small_letters_and_units_after_numbers_are_found():
    text = (
        "The drive holds 710GB, e.g. a film library, and reads at 54 Mbit/s, i.e. fast enough, etc. "
        "It is 5 mm thick. I am sure it works at 5 in the morning."
    )
    glossary = KNOWN | {"GB", "e.g.", "Mbit/s", "i.e.", "etc.", "mm", "in", "am"}
    found = [text[m.start:m.end] for m in find_acronyms(text, glossary.__contains__)]
    assert found == ["GB", "e.g.", "Mbit/s", "i.e.", "etc.", "mm"]


def test_a_word_before_a_full_stop_or_after_a_number_is_not_an_abbreviation():
    text = "He left at 5 am. The vote was 3 in favour. She said it was over."
    glossary = KNOWN | {"am", "in", "over."}
    assert [m.form for m in find_acronyms(text, glossary.__contains__)] == []


def test_a_whole_token_the_glossary_knows_wins_over_its_pieces():
    glossary = KNOWN | {"CP/M", "Wi-Fi", "4GL", "CP"}
    text = "It ran CP/M, joined the Wi-Fi network and was written in a 4GL; HIV/AIDS and US-led stay split."
    found = [text[m.start:m.end] for m in find_acronyms(text, glossary.__contains__)]
    assert found == ["CP/M", "Wi-Fi", "4GL", "HIV", "AIDS", "US"]


def test_capitals_inside_an_email_or_web_address_are_not_acronyms():
    text = "Write to jo.amos-INTERNET@bbc.co.uk or read https://example.org/NASA/FAQ before the NASA briefing."
    assert forms(text, known) == ["NASA"]


def test_a_numbered_identifier_the_glossary_does_not_know_yields_its_known_acronym():
    glossary = KNOWN | {"CVE", "SHA", "COVID-19"}
    text = "The flaw was CVE-2012-4929, the hash SHA-256, and COVID-19 stayed whole."
    found = [(text[m.start:m.end], m.form) for m in find_acronyms(text, glossary.__contains__)]
    assert found == [("CVE", "CVE"), ("SHA", "SHA"), ("COVID-19", "COVID-19")]


def test_long_english_words_in_capitals_are_shouting_unless_known_or_bracketed():
    glossary = KNOWN | {"RADAR"}
    text = (
        "It was a TOTAL DISASTER, said the SHOPKEEPER, and the RADAR failed. "
        "The Hazard Squad (SHIELD) was blamed, and SHIELD said nothing."
    )
    assert forms(text, glossary.__contains__) == ["RADAR", "SHIELD", "SHIELD"]
