"""The word lists the rules consult: words that give a long form no letter, and common English words.

Shared by the acronym rules, the definition finders, the glossary and entity casing, so kept apart from them.
"""

from __future__ import annotations

import functools
from importlib import resources

#: Words that may sit inside a long form without giving it a letter ("Memorandum of Understanding").
FUNCTION_WORDS = frozenset(
    "a an and as at by de del der des di du e el for from in into la le of on or per the to und van von with"
    # the connectors of transliterated and foreign names: "Tehreek-i-Taliban", "Lashkar-e-Taiba", "Jamaat-ud-Dawa"
    " i ul al ud ur y da do das dos zu".split()
)

#: Common English words a writer may set in capitals for emphasis, or that newspapers print in capitals at the
#: start of an article, added to sumy's English stop words. Frequent words only; names and acronyms never.
_EXTRA_COMMON_WORDS = """
about act add after again age ago agree ahead aid aim air alert all alone also amid angry answer any apart
appeal area arm army art ask attack away back bad ban bank base battle bear beat become bed begin behind best
better big bill black blame blast blood blow board body bomb book border born boss both box boy break breaking
brief bring broke build burn business busy buy call calm came camp can car card care case cash cast catch
caught cause chance change charge cheap check chief child choice city claim class clean clear close club cold
come comment cost could count country court cover crash crime crisis cross crowd cry cup cut damn danger dare
day days dead deal dear death debate decide deep defeat delay deny die dirty done door double down draw dream
drive drop drug dry due during duty early earth east easy eat edge editor editorial effort else end enemy enough
enter entire equal error even event ever every evil exactly exclusive eye face fact fail fair faith fall false
fame far farm fast fat fear feel few field fight file final finally find fine fire firm first fit fix flag
flat flee flight floor fly focus follow food fool foot force forget form free fresh friend front full fun
fund game gas gave get gift girl give glad glory go goal god gold gone good got great green ground group grow
guard guess gun guy half hand happy hard harm hate head health hear heart heat hell help hero hide high hit
hold hole home hope horror hot hour house huge human hunt hurt idea ill image impact inside issue job join
joke jump just justice keep key kid kill killed kind king know lack land large last late later law lay lead
leader leave left less let lie life lift light like line list live lives local long look lord lose loss lost
lot love low luck mad made main major make man many map march mark mass matter mean meet men mind miss moment
money more most move much music must name nation near need never new news next nice night none normal not note
nothing now number off offer office old once only open opinion order other our out over own page pain paper
part party pass past path pay peace people per photo pick picture place plan play please plus point police
poor post power press price prime pro proof protest proud public pull push put quick quiet quit race raid
rain raise rally rare rate read ready real really reason record red rent report rest result return rich ride
right rise risk road rock role room rule run rush safe said sale same save say says scandal school score sea
seat second secret see seek seen sell send sense set shame share she shock shoot shop short shot show shut
sick side sign silence simple since sing sir sit size slow small smart so soft sold some son soon sorry soul
south speak special speed spend stand star start state stay step still stock stop story street strike strong
study stupid such sure table take talk tax team tear tell term terror test than thank that the then there
they thing think this those though threat three through time today told tomorrow too top total touch tough town
trade trial trip true trust truth try turn two under union unit until up update updated urgent use used very
victory view voice vote wait walk wall want war warning was watch water way weak wealth week weeks well went
were west what when where which while white who whole why wide wife will win wind wise with woman women won
word words work world worse worst worth would wow wrong year years yes yesterday yet young
"""

#: "US" in capitals is the country, not a shouted "us"; the rest are abbreviations in sumy's stop-word list.
_COMMON_WORDS_NOT_ACRONYMS = frozenset(
    "us un co com edu inc ltd nd rd th uucp qv sup sub que et etc viz vs eg ie ex non".split()
)


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """sumy's English stop words plus the common words above, lower-cased; read once."""
    words = set(_EXTRA_COMMON_WORDS.split())
    try:
        stop_words = resources.files("sumy").joinpath("data", "stopwords", "english.txt").read_text("utf-8")
        words.update(line.strip().lower() for line in stop_words.splitlines() if line.strip())
    except (OSError, ModuleNotFoundError):  # sumy is a dependency; the extra list alone still works
        pass
    return frozenset(words - _COMMON_WORDS_NOT_ACRONYMS)
