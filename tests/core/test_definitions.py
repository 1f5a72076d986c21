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


# ---- General-domain rules: technology, organisations, products, news ----------------------------------------

@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # A naming participle that gives a letter is part of the name.
        ("Systems for named entity linking (NEL) tag people.", ("NEL", "named entity linking")),
        # An opening "the" or "a" when every word gives exactly its first letter.
        ("Scans came from the Brain Tumour Atlas (TBTA) archive.", ("TBTA", "the Brain Tumour Atlas")),
        ("The bound uses a posteriori error (APE) estimates.", ("APE", "a posteriori error")),
        # Tokenised text spaces the hyphens of a short form.
        (
            "We train a multi - scale gradient network ( MS - GN ) on it .",
            ("MS - GN", "multi - scale gradient network"),
        ),
        # A glossary's labels, the long form with the most initials.
        ("BW: bandwidth, LR: learning rate, BS: batch size of 32.", ("LR", "learning rate")),
        ("BW: bandwidth, LR: learning rate, BS: batch size of 32.", ("BS", "batch size")),
        ("CNN : convolutional neural network .", ("CNN", "convolutional neural network")),
        ("[ KD ] Knowledge Distillation .", ("KD", "Knowledge Distillation")),
        ("In 1994 the firm fitted its buses with radios (MRS: Mobile Radio System).", ("MRS", "Mobile Radio System")),
        # In brackets, the long form then its short form after a dash or a comma.
        ("Anna Berg (chief data officer – CDO) joined in May.", ("CDO", "chief data officer")),
        (
            "The office (renamed Bundesamt für Digitale Sicherheit, BDS) warned users.",
            ("BDS", "Bundesamt für Digitale Sicherheit"),
        ),
        # The elided article of a French name gives no letter.
        ("The Réseau d'Alerte Précoce, or RAP, was set up in 2001.", ("RAP", "Réseau d'Alerte Précoce")),
        # X for a word beginning "ex", "cross" or "trans".
        ("The bank joined the Cross-Border Payments, or XBP, scheme.", ("XBP", "Cross-Border Payments")),
        ("Clients parse extensible widget files (XWF) at start-up.", ("XWF", "extensible widget files")),
        # A letter and a count: as many words beginning with that letter.
        ("The World Wide Wireless Association (W3A) met in Oslo.", ("W3A", "World Wide Wireless Association")),
        # Digits read as "to" and "for".
        ("Online business-to-consumer (B2C) sales rose.", ("B2C", "business-to-consumer")),
        ("She founded Tools for Teachers (T4T) in 2012.", ("T4T", "Tools for Teachers")),
        # "meaning" in the brackets, and after the short form.
        ("The QLB (meaning the Quality Label Board) met twice.", ("QLB", "Quality Label Board")),
        ("Its QLB, meaning Quality Label Board, met twice.", ("QLB", "Quality Label Board")),
        # Short form first, the long form in apposition between commas or dashes.
        (
            "The NDMA, the National Disaster Management Authority, warned of floods.",
            ("NDMA", "National Disaster Management Authority"),
        ),
        ("The FSB – the Fiscal Standards Board – said so.", ("FSB", "Fiscal Standards Board")),
        ("Ofmar, the Office for Marine Resources, said the catch fell.", ("Ofmar", "Office for Marine Resources")),
        # More cue phrases.
        ("The Fiscal Standards Board, abbreviated as FSB, said so.", ("FSB", "Fiscal Standards Board")),
        ("The Fiscal Standards Board, often shortened to FSB, said so.", ("FSB", "Fiscal Standards Board")),
        ("The FSB, i.e. the Fiscal Standards Board, said so.", ("FSB", "Fiscal Standards Board")),
        ("The name KBM comes from the initials of Kline Bauer Meyer.", ("KBM", "Kline Bauer Meyer")),
        ("The FSB, which stood for Fiscal Standards Board, was closed.", ("FSB", "Fiscal Standards Board")),
        ("He sat on the Fiscal Standards Board (the FSB) until 2019.", ("FSB", "Fiscal Standards Board")),
        # A plural short form after a singular long form defines the singular.
        ("Install a Policy Enforcement Agent (PEAs) on each host.", ("PEA", "Policy Enforcement Agent")),
        # A conference by its year.
        ("In Proc. of the Learning Systems Workshop (LSW '19), pp. 1-9.", ("LSW", "Learning Systems Workshop")),
        # Brackets that repeat the noun before them.
        ("Analysts watch the GDP figure (gross domestic product figure) closely.", ("GDP", "gross domestic product")),
    ],
)
def test_general_domain_rules_find_their_definition(text, pair):
    assert pair in defined(text)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # A name used later by its initials: up to a connector other than "of"/"and", without a sequel's numeral,
        # and with a version number that the acronym repeats.
        (
            "She coached in the Northern Cricket League for the Leeds club. Later the NCL banned her for a year.",
            ("NCL", "Northern Cricket League"),
        ),
        (
            'Fans of "Super Robot Wars III" complained. The SRW series went on regardless of the critics.',
            ("SRW", "Super Robot Wars"),
        ),
        (
            "The app shipped with Acme Design Studio 5 that year. After DS5, the prices rose sharply for everyone.",
            ("DS5", "Design Studio 5"),
        ),
    ],
)
def test_initials_of_an_earlier_name(text, pair):
    assert pair in defined(text)


@pytest.mark.parametrize(
    ("text", "short"),
    [
        # Square brackets in news put a name in for a pronoun; a capitalised word in round brackets needs most
        # of its letters to begin words of the long form.
        ("He spoke to the Daily Record Bureau, saying '[Morales] has left the country' on Monday.", "Morales"),
        ("The office told the Daily Record Bureau Tribune (Barrington) in May.", "Barrington"),
        # Labels only at the start of a line, a bracket, a sentence or a list item, spelled by every word.
        ("KARACHI: The Sindh government said the schools would reopen.", "KARACHI"),
        ("He said the IMF: Its Message Failed.", "IMF"),
        # An apposition must close, and its words must not be short forms themselves.
        ("The DUP, Democratic Unionist Party leader Arlene Foster, said no.", "DUP"),
        ("Strong models were convolutional and/or recurrent nets (CNNs, RNNs, or CRNNs) here.", "CRNNs"),
        ("Paris, the French capital, and Lyon were hit.", "Paris"),
        # Two words beginning with W do not spell W3C; two words and "the" are a coincidence.
        ("The Wide Web Consortium (W3C) met.", "W3C"),
        ("We counted the cells (TC) twice.", "TC"),
        # A verb of a clause is no part of a name, unlike a naming participle.
        ("The gene is expressed (GIE) in roots.", "GIE"),
        # A spaced hyphen between small letters joins a word: "pre - regulation" is no short form.
        ("Power after AC to DC conversion ( pre - regulation power ) is lost .", "pre"),
    ],
)
def test_general_domain_rules_do_not_over_fire(text, short):
    assert short not in [pair[0] for pair in defined(text)]


def test_news_prose_with_or_and_brackets_gives_no_nonsense():
    pairs = defined("The talks, or at least the ceasefire (CF), held for a week; or so officials said.")
    assert all("talks" not in long and " or " not in long for _, long in pairs)
    assert [short for short, _ in pairs] in ([], ["CF"])
