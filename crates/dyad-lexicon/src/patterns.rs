//! The multi-pattern phrase matcher: every name, alias, demonym, capital,
//! seat, organisation, role word and person name (with derived variants) is
//! one ASCII-case-insensitive pattern. Patterns are grouped by their first
//! word; a text word starting a pattern is compared with that group's
//! patterns only, longest first (the leftmost-longest match an anchored
//! Aho-Corasick search would give, without building an automaton at
//! start-up). Each hit is then checked for word boundaries,
//! possessive/hyphen suffixes and capitalisation.

use std::collections::HashMap;

use crate::error::LexiconError;
use crate::groups::{same_lower, Group};
use crate::load::Knowledge;
use crate::model::RoleKind;
use crate::text::{
    apostrophe_variants, case_compatible, case_compatible_org, char_at, char_before,
    demonym_plural, fold_ascii, is_word_char, plurals,
};
use crate::words::PERSON_PRONOUNS;

/// What a pattern stands for (indices into the lexicon tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Target {
    /// A country, territory or bloc name or alias.
    Country(usize),
    /// A demonym or adjective.
    Demonym(usize),
    /// A demonym used as a plural noun ("Russians").
    DemonymPlural(usize),
    /// A capital or government city.
    Capital(usize),
    /// A city or region (not a capital).
    City(usize),
    /// A seat of power.
    Seat(usize),
    /// An organisation.
    Org(usize),
    /// A role word (singular).
    Role(usize),
    /// A role word in the plural.
    RolePlural(usize),
    /// A person's full name or alias.
    Person(usize),
    /// A person's surname or short form: index into the surname groups.
    Surname(usize),
}

impl Target {
    /// Lower is preferred when one span has several readings.
    fn priority(&self) -> u8 {
        match self {
            Target::Person(_) => 0,
            Target::Org(_) => 1,
            Target::Seat(_) => 2,
            Target::Country(_) => 3,
            Target::Capital(_) => 4,
            Target::City(_) => 5,
            Target::Demonym(_) | Target::DemonymPlural(_) => 6,
            Target::Role(_) | Target::RolePlural(_) => 7,
            Target::Surname(_) => 8,
        }
    }
}

#[derive(Debug, Clone)]
struct Variant {
    text: String,
    target: Target,
}

/// A checked match of one or more readings over one span.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Atom {
    pub start: usize,
    pub end: usize,
    /// Readings, preferred first (never empty); at most [`MAX_READINGS`],
    /// kept inline so matching does not allocate.
    targets: [Target; MAX_READINGS],
    readings: u8,
    /// Followed by `'s` / `’s`.
    pub possessive: bool,
    /// Followed by a hyphen ("Russian-made").
    pub hyphen_after: bool,
}

/// Readings kept per atom (a phrase rarely has more than two).
const MAX_READINGS: usize = 6;

impl Atom {
    pub fn primary(&self) -> Target {
        self.targets()
            .first()
            .copied()
            .unwrap_or(Target::Surname(usize::MAX))
    }

    /// The readings, preferred first.
    pub fn targets(&self) -> &[Target] {
        self.targets
            .get(..usize::from(self.readings))
            .unwrap_or_default()
    }
}

/// The compiled phrase matcher.
pub(crate) struct PatternSet {
    /// The lower-cased patterns.
    patterns: Vec<Box<str>>,
    /// FNV hash of a lower-cased first word → the patterns starting with a
    /// word of that hash, longest first (a hash collision only costs a
    /// comparison).
    by_first_token: HashMap<u64, Group, IdentityBuild>,
    /// Bit set over the low 20 bits of those hashes: a cheap test that
    /// rejects most words before the map lookup.
    quick: Vec<u64>,
    variants: Vec<Vec<Variant>>,
    /// Surname groups: short form → person indices.
    pub surnames: Vec<(String, Vec<usize>)>,
    pub pattern_count: usize,
}

struct Builder {
    /// Lower-case pattern → id; turned into the id-ordered pattern list once
    /// every pattern is in (one copy of each key instead of two).
    index: rustc_hash::FxHashMap<String, usize>,
    variants: Vec<Vec<Variant>>,
}

impl Builder {
    fn add(&mut self, text: &str, target: Target) {
        // A leading article would make "the UN" beat "UN Security Council"
        // in leftmost-longest selection; determiners are never part of a mention.
        let text = text.trim();
        let text = text.strip_prefix("the ").unwrap_or(text);
        if text.chars().count() < 2 {
            return;
        }
        if !text.contains(['\'', '’']) {
            // Most names have no apostrophe: no variant list to build.
            self.add_variant(text.to_string(), target);
            return;
        }
        for v in apostrophe_variants(text) {
            self.add_variant(v, target);
        }
    }

    fn add_variant(&mut self, v: String, target: Target) {
        let key = v.to_ascii_lowercase();
        let next = self.index.len();
        let id = *self.index.entry(key).or_insert(next);
        if id == next {
            // Exactly one slot: most patterns keep one reading, and a first
            // push would reserve four (120 bytes more per pattern to fault in).
            self.variants.push(vec![Variant { text: v, target }]);
            return;
        }
        if let Some(list) = self.variants.get_mut(id) {
            if !list.iter().any(|x| x.text == v && x.target == target) {
                list.push(Variant { text: v, target });
            }
        }
    }

    /// The patterns in id order.
    fn patterns(&mut self) -> Vec<String> {
        let mut patterns = vec![String::new(); self.index.len()];
        for (key, id) in self.index.drain() {
            if let Some(slot) = patterns.get_mut(id) {
                *slot = key;
            }
        }
        patterns
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Marks a byte of a non-ASCII character in [`WORD_BYTE`].
const NON_ASCII: u8 = 0xFF;

/// Per byte: 0 for an ASCII non-word byte, the lower-cased byte for an ASCII
/// letter or digit, [`NON_ASCII`] otherwise (the scanner's inner loop).
static WORD_BYTE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if !byte.is_ascii() {
            NON_ASCII
        } else if byte.is_ascii_alphanumeric() {
            byte.to_ascii_lowercase()
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Whether the non-ASCII character at `pos` is a word character, and its
/// length (1 when `pos` is not a character boundary). Curly quotes and
/// dashes (U+2000..U+203F, never letters) skip the Unicode tables.
fn non_ascii_word_char(text: &str, pos: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    if bytes.get(pos) == Some(&0xE2) && bytes.get(pos + 1) == Some(&0x80) {
        return (false, 3);
    }
    char_at(text, pos).map_or((false, 1), |c| (is_word_char(c), c.len_utf8()))
}

fn fnv_step(h: u64, byte: u8) -> u64 {
    (h ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
}

/// FNV-1a of the ASCII-lower-cased bytes of a word.
fn fnv_lower(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(FNV_OFFSET, |h, b| fnv_step(h, b.to_ascii_lowercase()))
}

/// A hasher for keys that are already hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct Identity(u64);

impl std::hash::Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdentityBuild = std::hash::BuildHasherDefault<Identity>;

const QUICK_BITS: usize = 1 << 20;

/// The first word of a (lower-case) pattern: a match can only start at a
/// text word equal to it, so other words never reach the automaton.
fn first_token(pattern: &str) -> &str {
    let end = pattern
        .char_indices()
        .find(|(_, c)| !is_word_char(*c))
        .map_or(pattern.len(), |(i, _)| i);
    pattern.get(..end).unwrap_or(pattern)
}

/// Countries whose names are written family name first.
const FAMILY_NAME_FIRST: &[&str] = &[
    "PRK", "KOR", "CHN", "TWN", "VNM", "KHM", "MNG", "HKG", "MAC", "SGP", "MMR", "HUN",
];

/// Name particles that belong to the surname ("Le Drian", "bin Salman").
const PARTICLES: &[&str] = &[
    "le", "la", "de", "del", "della", "di", "da", "dos", "das", "van", "von", "der", "den", "bin",
    "ben", "al", "el", "abu", "ibn", "mac", "st.", "ould",
];

/// The short forms by which news refer to a person after first mention.
pub(crate) fn short_forms(name: &str, country: &str) -> Vec<String> {
    // "Tommy Remengesau Jr.": the surname is before the generation
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.last().is_some_and(|w| is_generation_suffix(w)) {
        words.pop();
    }
    if words.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    if FAMILY_NAME_FIRST.contains(&country) {
        if let Some(first) = words.first() {
            out.push((*first).to_string());
        }
        return out;
    }
    let n = words.len();
    let mut start = n - 1;
    while start > 1
        && words
            .get(start - 1)
            .is_some_and(|w| PARTICLES.contains(&w.to_lowercase().as_str()))
    {
        start -= 1;
    }
    out.push(words.get(start..).unwrap_or_default().join(" "));
    out
}

/// A generation written after a name ("Jr.", "Sr.", "III"): no surname of
/// its own.
fn is_generation_suffix(w: &str) -> bool {
    matches!(
        w.trim_end_matches([',', '.']),
        "Jr" | "Sr" | "Junior" | "Senior" | "II" | "III" | "IV"
    )
}

/// True when a generation follows the name ending at byte `end` ("Donald
/// Trump Jr."): the name is then another person's than the one it spells.
pub(crate) fn generation_suffix_follows(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..) else {
        return false;
    };
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let word = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')' | '’' | '\''))
        .next()
        .unwrap_or("");
    is_generation_suffix(word)
}

/// Arabic articles written before a surname, with the sun-letter forms
/// ("al-Assad", "el-Sisi", "ash-Shara"): lower case, joined by a hyphen.
const ARABIC_ARTICLES: &[&str] = &["al", "el", "ad", "an", "ar", "as", "ash", "at", "az"];

/// The surname without its Arabic article ("al-Assad" → "Assad"): only a
/// one-word short form written with a lower-case article and a hyphen, the
/// rest capitalised and without a further hyphen ("Al-Sabah", a dynasty's
/// name, keeps its article).
fn without_article(short: &str) -> Option<&str> {
    if short.contains(' ') {
        return None;
    }
    let (article, rest) = short.split_once('-')?;
    (ARABIC_ARTICLES.contains(&article)
        && rest.starts_with(|c: char| c.is_uppercase())
        && !rest.contains('-'))
    .then_some(rest)
}

/// East Asian names are written "Kim Jong Un", "Kim Jong-un" or "Kim Jong-Un".
fn name_spellings(name: &str, country: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    if !name.is_ascii() {
        let folded = fold_ascii(name);
        if folded != name {
            out.push(folded);
        }
    }
    if name.contains('-') {
        out.push(name.replace('-', " "));
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if FAMILY_NAME_FIRST.contains(&country) && words.len() == 3 {
        if let (Some(a), Some(b), Some(c)) = (words.first(), words.get(1), words.get(2)) {
            out.push(format!("{a} {b}-{}", c.to_lowercase()));
            out.push(format!("{a} {b}-{c}"));
        }
    }
    out
}

impl PatternSet {
    pub(crate) fn build(k: &Knowledge) -> Result<PatternSet, LexiconError> {
        // About two patterns per person: sized up front, the index is not
        // rehashed a dozen times while 200,000 patterns go in.
        let expected = 2 * k.people.len() + 8 * k.roles.len() + 4 * k.orgs.len() + 10_000;
        let mut b = Builder {
            index: rustc_hash::FxHashMap::with_capacity_and_hasher(expected, Default::default()),
            variants: Vec::with_capacity(expected),
        };
        for (i, c) in k.countries.iter().enumerate() {
            if crate::words::is_in(crate::words::UNINHABITED, &c.code) {
                // No government and no people to act: a place (dyad-geo's), never an actor.
                continue;
            }
            for n in c.names.iter().chain(c.aliases.iter()) {
                b.add(n, Target::Country(i));
            }
            for d in &c.demonyms {
                b.add(d, Target::Demonym(i));
                if let Some(p) = demonym_plural(d) {
                    b.add(&p, Target::DemonymPlural(i));
                }
            }
            for cap in &c.capitals {
                b.add(cap, Target::Capital(i));
            }
        }
        for (i, c) in k.cities.iter().enumerate() {
            b.add(&c.name, Target::City(i));
            for a in &c.aliases {
                b.add(a, Target::City(i));
            }
        }
        for (i, s) in k.seats.iter().enumerate() {
            b.add(&s.phrase, Target::Seat(i));
        }
        for (i, o) in k.orgs.iter().enumerate() {
            b.add(&o.name, Target::Org(i));
            for a in &o.aliases {
                b.add(a, Target::Org(i));
            }
        }
        for (i, r) in k.roles.iter().enumerate() {
            let mut forms = vec![r.phrase.clone()];
            if r.phrase.contains("defense") {
                forms.push(r.phrase.replace("defense", "defence"));
            }
            if r.phrase.contains("Defense") {
                forms.push(r.phrase.replace("Defense", "Defence"));
            }
            for f in forms {
                b.add(&f, Target::Role(i));
                if r.kind != RoleKind::Place || !f.contains(' ') {
                    for p in plurals(&f) {
                        b.add(&p, Target::RolePlural(i));
                    }
                }
            }
        }
        let mut surname_index: rustc_hash::FxHashMap<String, usize> =
            rustc_hash::FxHashMap::default();
        let mut surnames: Vec<(String, Vec<usize>)> = Vec::new();
        // "Assad" for "al-Assad": (bare form, person), added after every
        // other pattern is in, so that a bare form that is already a word of
        // the lexicon or someone's surname is left alone.
        let mut bare_forms: Vec<(String, usize)> = Vec::new();
        for (i, p) in k.people.iter().enumerate() {
            let country = p.roles.first().map(|r| r.country.as_str()).unwrap_or("");
            for n in std::iter::once(&p.name).chain(p.aliases.iter()) {
                for s in name_spellings(n, country) {
                    b.add(&s, Target::Person(i));
                }
            }
            let shorts = if p.surname_matches {
                short_forms(&p.name, country)
            } else {
                Vec::new()
            };
            for s in shorts {
                if let Some(bare) = without_article(&s) {
                    bare_forms.push((bare.to_string(), i));
                }
                if crate::words::is_in(crate::words::PERSON_PRONOUNS, &s)
                    || crate::words::is_in(crate::words::GIVEN_NAMES, &s)
                    || s.chars().count() < 2
                {
                    continue;
                }
                let variants = name_spellings(&s, "");
                for v in variants {
                    let g = join_surname_group(&mut surnames, &mut surname_index, &v, &[i]);
                    b.add(&v, Target::Surname(g));
                }
            }
        }
        // News drop the Arabic article of a surname after the first mention
        // ("Bashar al-Assad" → "Assad", "Abdel Fattah el-Sisi" → "Sisi"):
        // the bare form joins the surname group of everyone whose surname it
        // is, unless it is already a pattern (a country, place, organisation,
        // role, person or someone's surname: "Houthi" stays the movement's
        // adjective, "Sharif" Nawaz Sharif's), a given name, or shorter than
        // four letters.
        bare_forms.sort();
        bare_forms.dedup();
        let mut k0 = 0;
        while let Some((bare, _)) = bare_forms.get(k0) {
            let members: Vec<usize> = bare_forms
                .iter()
                .skip(k0)
                .take_while(|(b2, _)| b2 == bare)
                .map(|&(_, i)| i)
                .collect();
            k0 += members.len().max(1);
            let variants = name_spellings(bare, "");
            let taken = variants
                .iter()
                .any(|v| b.index.contains_key(&v.to_ascii_lowercase()));
            if taken
                || bare.chars().count() < 4
                || crate::words::is_in(crate::words::GIVEN_NAMES, bare)
            {
                continue;
            }
            for v in variants {
                let g = join_surname_group(&mut surnames, &mut surname_index, &v, &members);
                b.add(&v, Target::Surname(g));
            }
        }
        // A user's entry (a `--lexicon DIR` layer) wins over a built-in one
        // of the same kind that shares a name ("a user override always
        // wins"): its readings go first; the atom's sort by priority is
        // stable, so among equals the user's stays first.
        let from_user = |t: &Target| -> bool {
            let file = match *t {
                Target::Person(i) => k
                    .people
                    .get(i)
                    .and_then(|p| p.roles.first())
                    .map(|r| r.origin.file.as_ref()),
                Target::Org(i) => k.orgs.get(i).map(|o| o.origin.file.as_ref()),
                Target::Seat(i) => k.seats.get(i).map(|s| s.origin.file.as_ref()),
                Target::City(i) => k.cities.get(i).map(|c| c.origin.file.as_ref()),
                Target::Role(i) | Target::RolePlural(i) => {
                    k.roles.get(i).map(|r| r.origin.file.as_ref())
                }
                Target::Country(i)
                | Target::Demonym(i)
                | Target::DemonymPlural(i)
                | Target::Capital(i) => k.countries.get(i).map(|c| c.origin.file.as_ref()),
                Target::Surname(_) => None,
            };
            file.is_some_and(|f| !f.starts_with("builtin:"))
        };
        for list in b.variants.iter_mut().filter(|l| l.len() > 1) {
            list.sort_by_key(|v| !from_user(&v.target));
        }
        let patterns = b.patterns();
        let count = u32::try_from(patterns.len())
            .map_err(|_| LexiconError::Matcher("too many patterns".to_string()))?;
        let mut by_first_token: HashMap<u64, Group, IdentityBuild> = HashMap::default();
        for (id, p) in (0..count).zip(patterns.iter()) {
            let first = first_token(p);
            let group = by_first_token
                .entry(fnv_lower(first.as_bytes()))
                .or_insert_with(|| Group::new(first.len()));
            let group_first = group
                .first_id()
                .and_then(|f| patterns.get(f as usize))
                .map(|f| first_token(f));
            group.push(id, first, group_first);
        }
        let mut quick = vec![0u64; QUICK_BITS / 64];
        for (h, group) in by_first_token.iter_mut() {
            group.finish(&patterns);
            let k = (*h as usize) & (QUICK_BITS - 1);
            if let Some(w) = quick.get_mut(k / 64) {
                *w |= 1 << (k % 64);
            }
        }
        Ok(PatternSet {
            pattern_count: patterns.len(),
            patterns: patterns.into_iter().map(String::into_boxed_str).collect(),
            by_first_token,
            quick,
            variants: b.variants,
            surnames,
        })
    }

    /// Patterns read two ways with the same precedence (two people, two
    /// organisations, two countries): (pattern, readings).
    pub(crate) fn ambiguities(&self) -> Vec<(String, Vec<Target>)> {
        let mut out = Vec::new();
        for list in &self.variants {
            let mut targets: Vec<Target> = list.iter().map(|v| v.target).collect();
            targets.sort_by_key(Target::priority);
            targets.dedup();
            let same_class = targets.windows(2).any(|w| match w {
                [a, b] => {
                    a.priority() == b.priority()
                        && matches!(a, Target::Person(_) | Target::Org(_) | Target::Country(_))
                }
                _ => false,
            });
            if same_class {
                if let Some(v) = list.first() {
                    out.push((v.text.clone(), targets));
                }
            }
        }
        out
    }

    /// All checked atoms of `text`, leftmost-longest, non-overlapping, in order.
    pub(crate) fn atoms(&self, text: &str) -> Vec<Atom> {
        self.scan(text).0
    }

    /// One pass over the words of `text`: the atoms (see [`Self::atoms`]) and
    /// the byte ranges of person pronouns ("he", "his", ...).
    pub(crate) fn scan(&self, text: &str) -> (Vec<Atom>, Vec<(usize, usize)>) {
        // Patterns can only start at a word start, and only at a word equal
        // to some pattern's first word: those few words get one anchored
        // search; the automaton never runs inside words ("us" in "because").
        // Roughly one atom per 60 bytes of news text.
        let mut out: Vec<Atom> = Vec::with_capacity(text.len() / 60);
        let mut pronouns = Vec::new();
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut pos = 0;
        while pos < n {
            let Some(&first) = bytes.get(pos) else {
                break;
            };
            match WORD_BYTE[usize::from(first)] {
                0 => {
                    pos += 1;
                    continue;
                }
                NON_ASCII => match non_ascii_word_char(text, pos) {
                    (true, _) => {}
                    (false, len) => {
                        pos += len;
                        continue;
                    }
                },
                _ => {}
            }
            // The word and its hash (as `fnv_lower` of the word) in one pass.
            let mut h = FNV_OFFSET;
            let mut word_end = pos;
            while let Some(&b) = bytes.get(word_end) {
                match WORD_BYTE[usize::from(b)] {
                    0 => break,
                    NON_ASCII => {
                        let (is_word, l) = non_ascii_word_char(text, word_end);
                        if !is_word {
                            break;
                        }
                        for &x in bytes.get(word_end..word_end + l).unwrap_or_default() {
                            h = fnv_step(h, x);
                        }
                        word_end += l;
                    }
                    lower => {
                        h = fnv_step(h, lower);
                        word_end += 1;
                    }
                }
            }
            let word = bytes.get(pos..word_end).unwrap_or_default();
            if (2..=7).contains(&word.len())
                && matches!(word.first(), Some(b'h' | b'H' | b's' | b'S'))
                && PERSON_PRONOUNS
                    .iter()
                    .any(|p| p.as_bytes().eq_ignore_ascii_case(word))
            {
                pronouns.push((pos, word_end));
            }
            let k = (h as usize) & (QUICK_BITS - 1);
            let maybe = self
                .quick
                .get(k / 64)
                .is_some_and(|w| w & (1 << (k % 64)) != 0);
            let candidates = if maybe {
                self.by_first_token.get(&h)
            } else {
                None
            };
            if let Some(group) = candidates.filter(|_| self.valid_start(text, pos)) {
                if let Some(atom) = self.best_at(text, pos, group) {
                    pos = atom.end.max(pos + 1);
                    out.push(atom);
                    continue;
                }
            }
            pos = word_end.max(pos + 1);
        }
        (out, pronouns)
    }

    /// "pro-Russian" is not Russia; "ex-president" is a president.
    fn valid_start(&self, text: &str, start: usize) -> bool {
        let Some(c) = char_before(text, start) else {
            return true;
        };
        if is_word_char(c) {
            return false;
        }
        if c != '-' {
            return true;
        }
        text.get(..start.saturating_sub(1)).is_some_and(|t| {
            let l = t.len();
            t.get(l.saturating_sub(2)..)
                .is_some_and(|e| e.eq_ignore_ascii_case("ex"))
                && !char_before(t, l.saturating_sub(2)).is_some_and(is_word_char)
        })
    }

    /// The longest valid atom starting at `start`: the longest pattern
    /// of `candidates` (longest first) there, else (when it fails the
    /// boundary or case checks) the longest shorter one.
    fn best_at(&self, text: &str, start: usize, group: &Group) -> Option<Atom> {
        let rest = text.as_bytes().get(start..)?;
        // The shared first word is compared once, then only the tails.
        let (skip, longer, shorter) = group.candidates(rest, &self.patterns)?;
        for &id in longer.iter().chain(shorter) {
            let Some(pattern) = self.patterns.get(id as usize) else {
                continue;
            };
            let len = pattern.len();
            let found = match (rest.get(skip..len), pattern.as_bytes().get(skip..)) {
                (Some(t), Some(p)) => same_lower(t, p),
                _ => false,
            };
            if found {
                if let Some(atom) = self.check(text, start, start + len, id as usize) {
                    return Some(atom);
                }
            }
        }
        None
    }

    /// The atom for pattern `pattern` found at `start..end`, if it ends on a
    /// word boundary and its capitalisation fits.
    fn check(&self, text: &str, start: usize, end: usize, pattern: usize) -> Option<Atom> {
        let mut possessive = false;
        let mut hyphen_after = false;
        if let Some(c) = char_at(text, end) {
            if is_word_char(c) {
                return None;
            }
            if c == '\'' || c == '’' {
                let after = end + c.len_utf8();
                let s = char_at(text, after);
                let s2 = char_at(text, after + 1);
                possessive = matches!(s, Some('s' | 'S')) && !s2.is_some_and(is_word_char);
            }
            hyphen_after = c == '-';
        }
        let found_text = text.get(start..end)?;
        let variants = self.variants.get(pattern)?;
        let mut targets = [Target::Surname(usize::MAX); MAX_READINGS];
        let mut readings = 0usize;
        for v in variants.iter().filter(|v| match v.target {
            Target::Org(_) => case_compatible_org(&v.text, found_text),
            _ => case_compatible(&v.text, found_text),
        }) {
            let known = targets
                .get(..readings)
                .unwrap_or_default()
                .contains(&v.target);
            if !known && readings < MAX_READINGS {
                if let Some(slot) = targets.get_mut(readings) {
                    *slot = v.target;
                    readings += 1;
                }
            }
        }
        if readings == 0 {
            return None;
        }
        if let Some(t) = targets.get_mut(..readings) {
            t.sort_by_key(Target::priority);
        }
        Some(Atom {
            start,
            end,
            targets,
            readings: readings as u8,
            possessive,
            hyphen_after,
        })
    }
}

/// Adds `people` to the surname group of spelling `surname` (one group per
/// lower-cased spelling, created on first use) and returns the group.
fn join_surname_group(
    surnames: &mut Vec<(String, Vec<usize>)>,
    index: &mut rustc_hash::FxHashMap<String, usize>,
    surname: &str,
    people: &[usize],
) -> usize {
    let g = *index
        .entry(surname.to_ascii_lowercase())
        .or_insert_with(|| {
            surnames.push((surname.to_string(), Vec::new()));
            surnames.len() - 1
        });
    if let Some((_, list)) = surnames.get_mut(g) {
        for &i in people {
            if !list.contains(&i) {
                list.push(i);
            }
        }
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_article_dropped_only_where_written_lower_case() {
        assert_eq!(without_article("al-Assad"), Some("Assad"));
        assert_eq!(without_article("el-Sisi"), Some("Sisi"));
        assert_eq!(without_article("Al-Sabah"), None);
        assert_eq!(without_article("al-Hashimi-Qurashi"), None);
        assert_eq!(without_article("Le Drian"), None);
        assert_eq!(without_article("Putin"), None);
    }

    #[test]
    fn short_forms_follow_naming_order() {
        assert_eq!(short_forms("Vladimir Putin", "RUS"), vec!["Putin"]);
        assert_eq!(short_forms("Kim Jong Un", "PRK"), vec!["Kim"]);
        assert_eq!(short_forms("Jean-Yves Le Drian", "FRA"), vec!["Le Drian"]);
        assert!(short_forms("Lula", "BRA").is_empty());
        assert_eq!(
            short_forms("Tommy Remengesau Jr.", "PLW"),
            vec!["Remengesau"]
        );
    }

    #[test]
    fn a_generation_after_a_name_is_seen() {
        let t = "Donald Trump Jr., the son, and Donald Trump said";
        assert!(generation_suffix_follows(t, "Donald Trump".len()));
        assert!(!generation_suffix_follows(t, t.len() - " said".len()));
        assert!(!generation_suffix_follows("Kim Jong Un", 3));
    }

    #[test]
    fn builder_keeps_first_readings_and_ids_in_order_without_spare_slots() {
        let mut b = Builder {
            index: rustc_hash::FxHashMap::default(),
            variants: Vec::new(),
        };
        b.add("Ruritania", Target::Country(0));
        b.add("the Ruritanian Guard", Target::Org(1));
        b.add("RURITANIA", Target::Org(2));
        b.add("Ruritania", Target::Country(0));
        b.add("Ruritania's Own", Target::Org(3));
        b.add("x", Target::Org(4));
        // One slot per single reading: these lists live for the whole run.
        assert_eq!(b.variants.len(), 4);
        assert_eq!(b.variants[1].capacity(), 1);
        assert_eq!(b.variants[0].len(), 2);
        assert_eq!(b.variants[0][1].text, "RURITANIA");
        assert_eq!(b.variants[2][0].text, "Ruritania's Own");
        assert_eq!(b.variants[3][0].text, "Ruritania’s Own");
        assert_eq!(
            b.patterns(),
            vec![
                "ruritania",
                "ruritanian guard",
                "ruritania's own",
                "ruritania’s own"
            ]
        );
    }
}
