"""In-text definitions beyond Schwartz & Hearst's in-order spelling: one test per rule, and tests where a rule
could over-fire. Every sentence is written for these tests."""

import pytest

from desktop.core.definitions import find_definitions


def defined(text):
    """The (short form as written, long form) pairs `text` defines, each checked against its spans."""
    found = []
    for definition in find_definitions(text):
        assert text[definition.long_start:definition.long_end] == definition.long
        found.append((text[definition.short_start:definition.short_end], definition.long))
    return found


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # A name in capitals first is a name, not the function word it spells.
        ("Cells lacking the AS protein (ASP) stopped dividing.", ("ASP", "AS protein")),
        # A lone small letter ends the name before it.
        ("Serum levels of complement c reactive factor (CRF) rose.", ("CRF", "complement c reactive factor")),
        # The head noun of a numbered name gives no letter and costs nothing.
        ("Vesicles bud with the coat protein complex I (COPI) from the Golgi.", ("COPI", "coat protein complex I")),
        # Number words stand for digits.
        ("We used two-photon excitation microscopy (2PEM) in live slices.", ("2PEM", "two-photon excitation microscopy")),
        # Amino acids stand for their one-letter codes.
        ("Each tryptophan/aspartate repeat (WD) folds as a blade.", ("WD", "tryptophan/aspartate repeat")),
        ("The Tyr53Phe (Y53F) mutant was inactive.", ("Y53F", "Tyr53Phe")),
        ("Mutation of Asp-12 to Asn (D12N) abolished binding.", ("D12N", "Asp-12 to Asn")),
        # Greek letters written as letters.
        ("Levels of tumour necrosis factor α (TNFa) fell.", ("TNFa", "tumour necrosis factor α")),
        # A member's Greek letter or Roman numeral is left out of the long form; its type word stays.
        ("The beta isoform of protein kinase C (PKCbeta) was found.", ("PKCbeta", "protein kinase C")),
        ("The type II topoisomerase (TopII) relaxes supercoils.", ("TopII", "type II topoisomerase")),
        # A Greek letter before the name comes after it in the long form.
        ("Mitochondrial RNA polymerase gamma (gamma-Pol) copies the genome.", ("gamma-Pol", "polymerase gamma")),
        # An organism's two-letter prefix is spelled by the organism or left out.
        ("We purified human topoisomerase (HsTOP) from cultured cells.", ("HsTOP", "human topoisomerase")),
        # A bracketed allele is not spelled.
        ("Alleles of Suppressor of hairy [Su(h)(B)] were crossed.", ("Su(h)(B)", "Suppressor of hairy")),
        # Either name of a pair joined by a slash, when the long form spells the other too but for its number.
        (
            "It binds the vesicle transport factor of 70 kDa (VT70/VTF2) in vitro.",
            ("VT70/VTF2", "vesicle transport factor of 70 kDa"),
        ),
        # A name with its Roman numeral as a third word.
        ("Errors were made by DNA polymerase IV (DNA pol IV) in these cells.", ("DNA pol IV", "DNA polymerase IV")),
        # A clipped form.
        ("Rats received dexamethasone (dexa) daily.", ("dexa", "dexamethasone")),
        # A single capital after the word it begins.
        ("The heavy (H) chain was cleaved.", ("H", "heavy")),
        ("Cyclic ethers such as tetrahydropyran (P) were inert.", ("P", "tetrahydropyran")),
        # The first character may begin a stem after a chemical prefix.
        ("Plasma apolipoprotein E (LpE) was measured.", ("LpE", "apolipoprotein E")),
        # A quoted name may outnumber the word bound when every character begins one of its words.
        (
            "We call it 'grid search over all of the available trees' (GAT) below.",
            ("GAT", "grid search over all of the available trees"),
        ),
        # A name written in capitals, as plant genes are.
        ("Mutants in EARLY FLOWERING (ELF) bolt sooner.", ("ELF", "EARLY FLOWERING")),
        # Locants the short form does not spell belong to the long form.
        ("cGMP (3',5' cyclic guanosine monophosphate) rose.", ("cGMP", "3',5' cyclic guanosine monophosphate")),
        # The long form after a naming verb inside the brackets.
        (
            "Pdf3 (named in the older literature as peptide deformylase factor 3) binds zinc.",
            ("Pdf3", "peptide deformylase factor 3"),
        ),
        # An institution's name may take a capital out of order.
        (
            "Samples came from the Nordic Institute for Marine Research (INMR) archive.",
            ("INMR", "Nordic Institute for Marine Research"),
        ),
        # Conventions that abbreviate without spelling in order.
        ("We tagged the protein Abc1 (Abc1p) with GFP.", ("Abc1p", "protein Abc1")),
        ("Loss of Kin3p and Kin4p (Kin3/4p) slows growth.", ("Kin3/4p", "Kin3p and Kin4p")),
        ("It was fused to the catalytic domain of Ras2 (RCD) and expressed.", ("RCD", "catalytic domain of Ras2")),
        ("A family of Pwr-like (LPwr) proteins was found.", ("LPwr", "Pwr-like")),
        ("Seven LPwr (Pwr-like) proteins were found.", ("LPwr", "Pwr-like")),
    ],
)
def test_each_new_rule_finds_its_definition(text, pair):
    assert pair in defined(text)


def test_a_text_may_define_one_short_form_twice_when_both_spell_it_well():
    text = (
        "We studied human replication endonuclease-2 (hREN-2) in vitro. Binding of the human REN-2 (hREN-2) to "
        "DNA was weak."
    )
    pairs = defined(text)
    assert ("hREN-2", "human replication endonuclease-2") in pairs and ("hREN-2", "human REN-2") in pairs


@pytest.mark.parametrize(
    ("text", "short"),
    [
        # A number word stands only for its own digit.
        ("We used three-photon excitation (2PE) in live slices.", "2PE"),
        # A substitution whose position or residues differ from the short form's.
        ("The Tyr53Phe (Y54F) mutant was inactive.", "Y54F"),
        ("The Tyr53Phe (Y53W) mutant was inactive.", "Y53W"),
        # A slash between names the long form does not both spell, and a list before it.
        ("Traffic used the Remote Access Protocol (RAP/VPN) only.", "RAP/VPN"),
        ("Links such as cables, Remote Access Protocol (RAP/VPN) were cut.", "RAP/VPN"),
        # A word is no clipped form of itself plus an ending.
        ("All the proteins (protein) were purified.", "protein"),
        # A capital in brackets after a word it does not begin, a name in capitals, a function word.
        ("The results are shown in panel (A).", "A"),
        ("The senator (D) voted against it.", "D"),
        ("It was the ALPHA (A) variant.", "A"),
        ("It was (A) the first and (B) the second.", "A"),
        # "of" is inverted only round a name that gives the short form its first letter.
        ("It was fused to the catalytic domain of the enzyme (ECD) and expressed.", "ECD"),
        # "-like" only when the short form is L and that very name.
        ("A family of Pwr-like (LPwx) proteins was found.", "LPwx"),
    ],
)
def test_new_rules_do_not_over_fire(text, short):
    assert short not in [pair[0] for pair in defined(text)]


def test_an_institution_name_in_order_takes_no_word_before_it():
    assert defined("Samples came from the Big Institute for Marine Research (IMR) archive.") == [
        ("IMR", "Institute for Marine Research")
    ]
