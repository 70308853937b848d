//! Closed word lists for quantity reading, kept as whitespace-separated
//! strings (easy to read and extend) and looked up through FNV hash sets
//! built once.

use std::sync::OnceLock;

use crate::dates::scan::{word_set, WordSet};

/// Words that end a unit noun phrase: prepositions, conjunctions,
/// auxiliaries, determiners, pronouns and frequent adverbs.
const STOP_WORDS: &str = "\
    of to in on at from by with for into onto since during across over under near after before \
    between against through toward towards per including like as than and or but nor that which \
    who whom whose while when where is are was were be been being have has had will would could \
    should may might must can did do does the a an this these those their its his her our your \
    my also still already each every more less fewer last next ago earlier later said says \
    according so not no if because amid within without among via about around some there here \
    then now it they he she we you i all both only just even again back out up down off yet \
    whether until despite upon s percent cent";

/// Words that end a unit only when written in lower case: directions and
/// measures ("140 km southeast"); capitalised they start names ("North
/// Korean troops").
const LOWER_STOP_WORDS: &str = "\
    north south east west northeast northwest southeast southwest away long wide high deep tall \
    ahead apart old";

/// Words allowed between a counted noun and its casualty verb ("were
/// reportedly killed").
const CASUALTY_FILLERS: &str = "\
    were was have has had been are is reportedly also all being later allegedly confirmed feared \
    believed reported left now since be to either who got";

/// Nouns for people: only these take a casualty kind.
const PERSON_NOUNS: &str = "\
    people persons person civilians civilian soldiers soldier troops servicemen personnel \
    fighters militants rebels insurgents protesters protestors demonstrators activists children \
    child women woman men man residents villagers migrants refugees journalists reporters \
    students workers officers policemen police officials members passengers citizens nationals \
    prisoners detainees hostages patients doctors staff guards pilgrims worshippers others crew \
    sailors pilots gunmen attackers suspects opposition supporters voters teenagers boys girls \
    babies infants farmers miners volunteers medics paramedics firefighters combatants recruits \
    conscripts mercenaries troopers marines commanders leaders politicians lawmakers employees \
    contractors tourists settlers family relatives youths individuals bodies \
    boy girl baby infant fighter militant rebel insurgent protester protestor demonstrator \
    activist resident villager migrant refugee journalist reporter student worker officer \
    policeman policewoman official member passenger citizen prisoner detainee hostage patient \
    doctor nurse guard pilgrim worshipper sailor pilot gunman attacker suspect teenager \
    farmer miner volunteer medic paramedic firefighter combatant commander leader politician \
    lawmaker employee contractor tourist settler relative youth individual body kids kid \
    teens teen adults adult minors minor fishermen fisherman herders herder";

/// Frequent irregular verb forms that follow a counted noun and end it.
const COMMON_VERBS: &str = "\
    took gave went came fled left fell rose hit struck sent began won lost saw held met ran got \
    put set led stood kept brought fought flew drew shot told found became remain remains say \
    take make made need face faced live lived arrive return remained crossed joined";

/// Capitalised words that may open a sentence before a count ("The 12
/// men", "Another 30 people"), unlike names before identifiers
/// ("Resolution 2231").
const FUNCTION_WORDS: &str = "\
    the another all only just these those its their his her our and but with for of in on at by \
    while when after before since nearly almost about then further a an killing wounding";

/// Words that can open a quantity: qualifiers, number words, vague
/// plurals, "a"/"an"/"half", and "US" (of "US$").
const QUANTITY_STARTS: &str = "\
    no as at up more less fewer just well close upwards in an estimated roughly about around \
    nearly almost approximately some over under between one two three four five six seven \
    eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen \
    nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million \
    billion trillion dozen tens dozens scores hundreds thousands millions billions a half \
    several few us";

macro_rules! word_set {
    ($(#[$doc:meta])* $name:ident, $list:ident) => {
        $(#[$doc])*
        pub(crate) fn $name(w: &str) -> bool {
            static CELL: OnceLock<WordSet> = OnceLock::new();
            word_set(&CELL, $list).contains(w)
        }
    };
}

word_set!(
    /// True for words that end a unit phrase.
    is_stop_word,
    STOP_WORDS
);
word_set!(
    /// True for direction and measure words that end a lower-case unit.
    is_lower_stop_word,
    LOWER_STOP_WORDS
);
word_set!(
    /// True for auxiliaries and adverbs before a casualty verb.
    is_casualty_filler,
    CASUALTY_FILLERS
);
word_set!(
    /// True for nouns that count people.
    is_person_noun,
    PERSON_NOUNS
);
word_set!(
    /// True for frequent irregular verbs.
    is_common_verb,
    COMMON_VERBS
);
word_set!(
    /// True for capitalised function words that may precede a count.
    is_function_word,
    FUNCTION_WORDS
);

word_set!(
    /// True for words that may open a quantity.
    may_start_quantity,
    QUANTITY_STARTS
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_read() {
        assert!(is_stop_word("of") && !is_stop_word("shells"));
        assert!(is_lower_stop_word("southeast"));
        assert!(is_person_noun("civilians") && !is_person_noun("tanks"));
        assert!(is_casualty_filler("reportedly"));
        assert!(is_common_verb("took"));
        assert!(is_function_word("another"));
    }
}
