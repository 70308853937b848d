//! People the lexicon does not know ("Shamima Begum", "Sally Lane and John
//! Letts"): two to four capitalised proper-noun words that no pattern
//! matched become a person actor, but only with evidence that they name a
//! person somewhere in the document:
//!
//! * the first word is a given name of one gender counted often enough
//!   (`given-names.tsv`: at least [`GIVEN_NAME_BIRTHS`] births or two
//!   legislators);
//! * a title right before it ("Ms", "Dr");
//! * a person noun right before it ("British teenager Shamima Begum", "his
//!   parents Sally Lane and John Letts"), or an apposition after it with one
//!   (", a Swedish mother");
//! * an age (", 19," after it; "19-year-old" before it) or ", who" after it;
//! * a speech verb right after it ("Sally Lane said").
//!
//! Such a person is a civilian (CVL) with no country, unless a demonym
//! sits in that evidence ("British teenager", ", a Swedish mother"): never a
//! government by default. A later bare surname ("Begum") of a name found
//! this way refers to it when no other such name has that surname.

use dyad_core::{calendar, Actor, AnalyzedDocument, MentionKind};

use crate::patterns::{Atom, Target};
use crate::recognize::{Draft, Hint, Scan};
use crate::text::{next_word, prev_word};
use crate::words::is_in;

/// Every rule text of a mention made here starts with this.
pub(crate) const UNKNOWN_PERSON_RULE: &str = "unknown person: ";

/// Births a given name needs to be evidence on its own: rarer names in the
/// table still give a gender, but too many of them are also words or
/// surnames.
const GIVEN_NAME_BIRTHS: u32 = 1000;

/// Titles before a name.
const TITLES: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame",
];

/// Nouns that name a person (or people) and may stand right before a name
/// or head an apposition after it.
const PERSON_NOUNS: &[&str] = &[
    "teenager",
    "teen",
    "citizen",
    "national",
    "mother",
    "father",
    "parents",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "widow",
    "woman",
    "man",
    "girl",
    "boy",
    "schoolgirl",
    "schoolboy",
    "student",
    "lawyer",
    "journalist",
    "reporter",
    "photographer",
    "activist",
    "doctor",
    "nurse",
    "teacher",
    "worker",
    "volunteer",
    "grandmother",
    "grandfather",
    "mother-of-two",
    "mother-of-three",
    "father-of-two",
    "father-of-three",
    "resident",
    "refugee",
    "survivor",
    "businessman",
    "businesswoman",
    "friend",
    "neighbour",
    "recruit",
    "bride",
    "cousin",
    "uncle",
    "aunt",
    "nephew",
    "niece",
];

/// Verbs of saying right after a name.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "insisted",
    "explained",
    "recalled",
    "admitted",
];

/// Last words that make a capitalised phrase a place or an institution
/// ("Charlotte Street", "Grace Hospital").
const NON_PERSON_HEADS: &[&str] = &[
    "street",
    "road",
    "avenue",
    "square",
    "hospital",
    "university",
    "college",
    "school",
    "church",
    "mosque",
    "camp",
    "prison",
    "court",
    "festival",
    "airport",
    "station",
    "hotel",
    "centre",
    "center",
    "foundation",
    "institute",
    "trust",
    "fund",
    "group",
    "company",
    "party",
    "council",
    "committee",
    "agency",
    "bank",
    "news",
    "times",
    "radio",
    "tv",
    "programme",
    "award",
    "prize",
    "act",
    "bill",
    "island",
    "islands",
    "valley",
    "river",
    "mountains",
    "county",
    "district",
    "city",
];

/// One run of name words in a sentence.
#[derive(Clone, Copy)]
struct Run {
    sentence: usize,
    start: usize,
    end: usize,
    /// one word alone ("Malloy says"): a person only on local evidence
    single: bool,
}

/// What the text says about a name, gathered over the document.
#[derive(Default, Clone)]
struct Evidence {
    why: Option<String>,
    /// (country code, the demonym as written)
    country: Option<(String, String)>,
    /// A role run straight into the name ("American aid worker Peter
    /// Kassig", "Syrian army commander X"): the role's text, country and
    /// sectors, which the person takes.
    title: Option<Title>,
}

/// A role run straight into a name: its text, country, sectors and
/// organisation ("EU commissioner" → EUR, IGO, EU).
#[derive(Clone)]
struct Title {
    text: String,
    country: Option<String>,
    sectors: Vec<String>,
    org: Option<String>,
}

/// Whether draft `d` is a role (or a demonym, country or organisation with
/// a role word: "American aid worker", "Syrian army commander") that can
/// stand straight before one person's name as a title: its rule holds a
/// role word, it has a sector, and its last word is not a plural ("Kurdish
/// fighters" names a group; "his parents Sally Lane and John Letts" stays
/// with the person-noun evidence).
fn title_like(text: &str, d: &Draft) -> bool {
    let last = text
        .get(d.start..d.end)
        .and_then(|t| t.rsplit(' ').next())
        .unwrap_or("");
    let plural = last.ends_with('s') && !last.ends_with("ss");
    !matches!(
        d.kind,
        MentionKind::Person | MentionKind::Pronoun | MentionKind::Coreference
    ) && d.rule.contains("role:")
        && d.actor.sectors.first().is_some_and(|s| s != "-")
        && !plural
}

fn word_ok(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.len() > 1
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && !calendar::is_time_word(&w.to_lowercase())
}

/// Whether the unknown-name step needs `sentence`'s dependency parse before
/// actors are recognised: some capitalised word (a lone unknown name may
/// be one) stands right before a verb of speech ("Malloy said"). The lone
/// name is a person only when it is that verb's `nsubj` on the parse, and
/// the text pipeline leaves [`dyad_core::Sentence::syntax`] empty, so the
/// engine parses these few sentences first.
pub fn needs_name_parse(text: &str, sentence: &dyad_core::Sentence) -> bool {
    sentence.syntax.is_none()
        && sentence.tokens.windows(2).any(|w| {
            let [a, b] = w else {
                return false;
            };
            let word = a.text(text);
            (a.pos.is_proper() || a.pos.is_noun())
                && word_ok(word)
                && word.chars().skip(1).any(char::is_lowercase)
                && !word.contains('-')
                && is_in(SPEECH_VERBS, b.text(text))
        })
}

/// "R.": one capital letter and a full stop, a middle initial.
fn is_initial(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.next() == Some('.')
        && chars.next().is_none()
}

/// Runs of 2–4 adjacent capitalised proper nouns.
fn runs(doc: &AnalyzedDocument) -> Vec<Run> {
    let text = doc.doc.text.as_str();
    let mut out = Vec::new();
    for s in &doc.sentences {
        let proper = |i: usize| {
            let Some(t) = s.tokens.get(i) else {
                return false;
            };
            let upos_propn = s
                .syntax
                .as_ref()
                .and_then(|x| x.words.get(i))
                .is_some_and(|w| w.upos == "PROPN");
            (t.pos.is_proper() || upos_propn) && word_ok(t.text(text))
        };
        let mut i = 0;
        while i < s.tokens.len() {
            if !proper(i) {
                i += 1;
                continue;
            }
            // The tagger may read a capitalised later word as a common
            // noun ("John Letts": Letts/NNS, a demonym).
            let continues = |k: usize| {
                proper(k)
                    || s.tokens
                        .get(k)
                        .is_some_and(|t| t.pos.is_noun() && word_ok(t.text(text)))
                    // a middle initial ("Gerald R. Ford") between two
                    // name words
                    || (s.tokens.get(k).is_some_and(|t| is_initial(t.text(text)))
                        && proper(k + 1)
                        && s.tokens
                            .get(k)
                            .zip(s.tokens.get(k + 1))
                            .is_some_and(|(a, b)| text.get(a.span.end..b.span.start) == Some(" ")))
            };
            let mut j = i + 1;
            while j < s.tokens.len()
                && continues(j)
                && s.tokens
                    .get(j - 1)
                    .zip(s.tokens.get(j))
                    .is_some_and(|(a, b)| text.get(a.span.end..b.span.start) == Some(" "))
            {
                j += 1;
            }
            // "Hassan Karim al-Kaabi": a lower-case particle joined to a
            // capitalised word ends the name.
            if j < s.tokens.len()
                && s.tokens.get(j).is_some_and(|t| {
                    let w = t.text(text);
                    w.split_once('-').is_some_and(|(p, rest)| {
                        (1..=3).contains(&p.len())
                            && p.chars().all(|c| c.is_ascii_lowercase())
                            && rest.starts_with(char::is_uppercase)
                    })
                })
                && s.tokens
                    .get(j - 1)
                    .zip(s.tokens.get(j))
                    .is_some_and(|(a, b)| text.get(a.span.end..b.span.start) == Some(" "))
            {
                j += 1;
            }
            // A title opening the run is no part of the name ("Dr X Y"):
            // it is evidence before it.
            let mut first = i;
            while first < j
                && s.tokens
                    .get(first)
                    .is_some_and(|t| is_in(TITLES, t.text(text)))
            {
                first += 1;
            }
            if (2..=4).contains(&(j - first)) {
                if let (Some(a), Some(b)) = (s.tokens.get(first), s.tokens.get(j - 1)) {
                    out.push(Run {
                        sentence: s.index,
                        start: a.span.start,
                        end: b.span.end,
                        single: false,
                    });
                }
            } else if j - first == 1 {
                // one word: kept only if it has a lower-case letter (not
                // an acronym, "OGA") and is no word of the tagger lexicon
                // run capitalised; its evidence is checked later
                // ... and only when it is the subject of the word after it
                // on the parse ("Malloy says"; not "parts of Rojava
                // insisted") or has a title right before it ("Mr Malloy")
                let subject_of_next = s.syntax.as_ref().is_some_and(|x| {
                    x.words
                        .get(first)
                        .is_some_and(|w| w.deprel == "nsubj" && w.head as usize == first + 2)
                });
                let titled = first
                    .checked_sub(1)
                    .and_then(|k| s.tokens.get(k))
                    .is_some_and(|t| is_in(TITLES, t.text(text)));
                if let Some(a) = s.tokens.get(first).filter(|_| subject_of_next || titled) {
                    let w = a.text(text);
                    if w.chars().skip(1).any(char::is_lowercase) && !w.contains('-') {
                        out.push(Run {
                            sentence: s.index,
                            start: a.span.start,
                            end: a.span.end,
                            single: true,
                        });
                    }
                }
            }
            i = j;
        }
    }
    out
}

/// An organisation's sectors followed by a title's own (GOV is implied by
/// the organisation: "UN adviser" is IGO).
fn owner_sectors(base: &[String], title: &[String]) -> Vec<String> {
    let mut out = base.to_vec();
    for s in title {
        if !out.contains(s) && s != "GOV" {
            out.push(s.clone());
        }
    }
    if out.is_empty() {
        return title.to_vec();
    }
    out
}

impl Scan<'_> {
    /// Whether the text between `from` and `to` joins an owner to a title
    /// inside one noun phrase: a possessive ("Iran's spokesman"), then at
    /// most two lower-case nouns or adjectives ("UN humanitarian adviser"),
    /// and nothing else but spaces; at least one of them.
    fn noun_phrase_gap(&self, s: &dyad_core::Sentence, from: usize, to: usize) -> bool {
        let text = self.text;
        let mut words = 0usize;
        let mut possessive = false;
        let mut pos = from;
        for t in s
            .tokens
            .iter()
            .filter(|t| t.span.start >= from && t.span.end <= to)
        {
            let gap = text.get(pos..t.span.start).unwrap_or("x");
            let w = t.text(text);
            if matches!(w, "'s" | "’s" | "'" | "’") && pos == from && !possessive && gap.is_empty()
            {
                possessive = true;
            } else if gap.chars().all(char::is_whitespace)
                && !gap.is_empty()
                && w.chars().next().is_some_and(char::is_lowercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && (t.pos.is_noun() || t.pos.is_adjective())
                && !t.pos.is_proper()
            {
                words += 1;
            } else {
                return false;
            }
            pos = t.span.end;
        }
        let tail = text.get(pos..to).unwrap_or("x");
        !tail.is_empty()
            && tail.chars().all(char::is_whitespace)
            && (possessive || words > 0)
            && words <= 2
    }

    /// The country of a demonym among `words` ("British", "Swedish").
    fn demonym_among(&self, words: &[&str]) -> Option<(String, String)> {
        words.iter().find_map(|w| {
            let i = self.lex.demonym_index.get(&w.to_lowercase())?;
            let c = self.lex.k.countries.get(*i)?;
            Some((c.code.clone(), (*w).to_string()))
        })
    }

    /// Evidence at one occurrence of a name.
    fn evidence_at(&self, r: &Run, s_start: usize, s_end: usize) -> Evidence {
        let text = self.text;
        let name = text.get(r.start..r.end).unwrap_or("");
        let first = name.split(' ').next().unwrap_or("");
        let mut ev = Evidence::default();
        let mut why: Vec<String> = Vec::new();
        if let Some(g) = self
            .lex
            .given_name(first)
            .filter(|g| g.births >= GIVEN_NAME_BIRTHS || g.people >= 2)
        {
            why.push(format!(
                "given name {first} ({}, {} births, {} legislators)",
                if g.female { "F" } else { "M" },
                g.births,
                g.people
            ));
        }
        let before = prev_word(text, r.start, s_start);
        let before_word = before.map(|w| self.word(w)).unwrap_or("");
        if is_in(TITLES, before_word) {
            why.push(format!("title {before_word}"));
        }
        if is_in(PERSON_NOUNS, before_word) {
            why.push(format!("person noun {before_word}"));
            // "British teenager Shamima Begum", "the Swedish mother X"
            let mut pos = before.map_or(r.start, |w| w.start);
            let mut words = Vec::new();
            for _ in 0..2 {
                let Some(w) = prev_word(text, pos, s_start) else {
                    break;
                };
                words.push(self.word(w));
                pos = w.start;
            }
            ev.country = self.demonym_among(&words);
        }
        if before_word.ends_with("-year-old") {
            why.push(format!("age {before_word}"));
        }
        let after = text.get(r.end..s_end).unwrap_or("");
        let after = after
            .strip_prefix("’s")
            .or_else(|| after.strip_prefix("'s"))
            .unwrap_or(after);
        if let Some(rest) = after.strip_prefix(", ") {
            let words: Vec<&str> = rest
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .take(5)
                .collect();
            match words.as_slice() {
                ["who", ..] => why.push("followed by \", who\"".to_string()),
                [n, ..]
                    if n.len() <= 2
                        && n.chars().all(|c| c.is_ascii_digit())
                        && rest.get(n.len()..).is_some_and(|t| t.starts_with(',')) =>
                {
                    why.push(format!("age {n}"))
                }
                [det, more @ ..] if is_in(&["a", "an", "the", "his", "her", "their"], det) => {
                    if let Some(noun) = more.iter().take(3).find(|w| is_in(PERSON_NOUNS, w)) {
                        why.push(format!("apposition {det} ... {noun}"));
                        if ev.country.is_none() {
                            let upto = more.iter().position(|w| w == noun).unwrap_or(0);
                            ev.country = self.demonym_among(more.get(..upto).unwrap_or(&[]));
                        }
                    }
                }
                _ => {}
            }
        }
        if let Some(w) = next_word(text, r.end, s_end) {
            let t = self.word(w);
            if is_in(SPEECH_VERBS, t) {
                why.push(format!("subject of {t}"));
            }
        }
        if r.single {
            // A word alone is a person only on what stands right by it: a
            // title before it ("Mr Malloy") or a verb of speech after it
            // ("Malloy says"); a given name or an apposition may belong to
            // a place or a firm as well.
            why.retain(|w| w.starts_with("title ") || w.starts_with("subject of "));
            ev.country = None;
        }
        if !why.is_empty() {
            ev.why = Some(why.join(", "));
        }
        if ev.why.is_none() {
            ev.country = None;
        }
        ev
    }

    /// Unknown people of the document: drafts for each occurrence of a name
    /// with evidence, and for later bare surnames of such names.
    pub(crate) fn unknown_people(
        &self,
        doc: &AnalyzedDocument,
        atoms: &[Atom],
        drafts: &mut Vec<Draft>,
    ) {
        let text = self.text;
        // "John Letts": a demonym ("Letts", Latvians) after a given name is
        // the rest of the name.
        let all_runs = runs(doc);
        let strong_given = |r: &Run| {
            let name = text.get(r.start..r.end).unwrap_or("");
            let first = name.split(' ').next().unwrap_or("");
            self.lex
                .given_name(first)
                .is_some_and(|g| g.births >= GIVEN_NAME_BIRTHS || g.people >= 2)
        };
        let demonym_in_name = |start: usize, end: usize| {
            all_runs
                .iter()
                .any(|r| !r.single && r.start < start && end <= r.end && strong_given(r))
        };
        drafts.retain(|d| {
            !(matches!(d.kind, MentionKind::Demonym) && demonym_in_name(d.start, d.end))
        });
        let atoms_overlap = |start: usize, end: usize| {
            atoms.iter().any(|a| {
                a.start < end
                    && start < a.end
                    && !a.targets().iter().all(|t| matches!(t, Target::Surname(_)))
                    && !(a
                        .targets()
                        .iter()
                        .all(|t| matches!(t, Target::Demonym(_) | Target::DemonymPlural(_)))
                        && demonym_in_name(a.start, a.end))
            })
        };
        // "Yusuf Ali, her father," and "Omar Haddad said": a known surname
        // opening a longer name is that name's given name, not the known
        // person (nor is the known surname after it, unless the person
        // bearing it has that first name: "Ali Larijani"). The bare
        // surname readings inside such a run give way to the unknown
        // person when the text gives evidence of one.
        let bare_surname = |d: &Draft| {
            d.kind == MentionKind::Coreference
                && matches!(
                    &d.hint,
                    Hint::Surname {
                        country: None,
                        title: None,
                        ..
                    }
                )
        };
        let surname_as_given = |r: &Run| -> Vec<usize> {
            let inside: Vec<usize> = drafts
                .iter()
                .enumerate()
                .filter(|(_, d)| d.start < r.end && r.start < d.end)
                .map(|(i, _)| i)
                .collect();
            let name = text.get(r.start..r.end).unwrap_or("");
            let first = name.split(' ').next().unwrap_or("");
            let first_end = r.start + first.len();
            let all_bare = inside.iter().all(|&i| {
                drafts
                    .get(i)
                    .is_some_and(|d| bare_surname(d) && r.start <= d.start && d.end <= r.end)
            });
            let opens = inside.iter().any(|&i| {
                drafts
                    .get(i)
                    .is_some_and(|d| d.start == r.start && d.end == first_end)
            });
            let bearer_named = inside.iter().any(|&i| {
                drafts.get(i).is_some_and(|d| {
                    d.start > r.start
                        && match &d.hint {
                            Hint::Surname { group, .. } => {
                                self.lex.patterns.surnames.get(*group).is_some_and(
                                    |(_, members)| {
                                        members.iter().any(|&pi| {
                                            self.lex.k.people.get(pi).is_some_and(|p| {
                                                p.name.split(' ').any(|w| w == first)
                                            })
                                        })
                                    },
                                )
                            }
                            _ => false,
                        }
                })
            });
            if all_bare && opens && !bearer_named && name.contains(' ') {
                inside
            } else {
                Vec::new()
            }
        };
        let overlaps = |start: usize, end: usize| {
            drafts.iter().any(|d| d.start < end && start < d.end)
                || atoms.iter().any(|a| {
                    a.start < end
                        && start < a.end
                        // a known surname inside an unknown name ("Harry Ho")
                        && !a.targets().iter().all(|t| matches!(t, Target::Surname(_)))
                        && !(a.targets().iter().all(|t| {
                            matches!(t, Target::Demonym(_) | Target::DemonymPlural(_))
                        }) && demonym_in_name(a.start, a.end))
                })
        };
        // "Jeremy Fleming" in "the director of GCHQ, Jeremy Fleming," and
        // "Ghassan Chamsi, a resident of Douma": a role the recogniser
        // already made next to the name says more than "civilian"; the
        // event takes that role's actor.
        let in_role_apposition = |r: &Run| {
            // A civilian role with its own country (", a Swedish mother")
            // is evidence for the person instead: the person keeps its name
            // and takes the demonym's country.
            let role_like = |d: &Draft| {
                let civilian_with_country = d.actor.sectors.first().is_some_and(|x| x == "CVL")
                    && d.actor.country.is_some();
                (matches!(
                    d.kind,
                    MentionKind::Role | MentionKind::Demonym | MentionKind::Person
                ) || d.actor.country.is_some())
                    && !civilian_with_country
            };
            // after the name: ", a former Colombian Congressman" (the
            // role may follow a determiner and up to two lower-case words)
            let after_role = |d: &Draft| {
                text.get(r.end..d.start)
                    .and_then(|gap| gap.strip_prefix(", "))
                    .is_some_and(|gap| {
                        // at most four words are looked at: the gap can run
                        // to the document's end
                        let words: Vec<&str> = gap.split_whitespace().take(4).collect();
                        words.len() <= 3
                            && !gap.contains(',')
                            && words
                                .iter()
                                .all(|w| w.starts_with(|c: char| c.is_lowercase()))
                    })
            };
            // before it: "the director of GCHQ, Jeremy Fleming" (a title
            // run straight into the name, "aid worker Peter Kassig", is
            // left to the name: the role's country and sector are not yet
            // carried over to it)
            let before_role = |d: &Draft| {
                text.get(d.end..r.start)
                    .is_some_and(|gap| matches!(gap, ", " | ","))
            };
            drafts
                .iter()
                .filter(|d| role_like(d))
                .any(|d| after_role(d) || before_role(d))
        };
        // the same, for a role that says more than "civilian": a country
        // or a sector other than CVL (", her father," says no more)
        let in_role_apposition_with_country = |r: &Run| {
            let says_more = |d: &Draft| {
                d.actor.country.is_some() || d.actor.sectors.first().is_some_and(|x| x != "CVL")
            };
            drafts.iter().filter(|d| says_more(d)).any(|d| {
                text.get(r.end..d.start)
                    .and_then(|gap| gap.strip_prefix(", "))
                    .is_some_and(|gap| {
                        gap.split_whitespace().take(4).count() <= 3 && !gap.contains(',')
                    })
                    || text
                        .get(d.end..r.start)
                        .is_some_and(|gap| matches!(gap, ", " | ","))
            })
        };
        // "Maria Novak, a spokeswoman for the Red Cross, said": a singular
        // role with a country, organisation or sector other than CVL in an
        // apposition right after a name (", a/an/the" and at most two
        // lower-case words before the role) is the person's calling: the
        // name is a person of the role's country, organisation and sectors
        // (when the text gives person evidence), so its later surname and
        // the quotation it speaks refer to it
        let apposition_role = |r: &Run| {
            drafts.iter().position(|d| {
                d.sentence == r.sentence
                    && d.kind == MentionKind::Role
                    && title_like(text, d)
                    && (d.actor.country.is_some()
                        || d.actor.org.is_some()
                        || d.actor.sectors.first().is_some_and(|x| x != "CVL"))
                    && text
                        .get(r.end..d.start)
                        .and_then(|gap| gap.strip_prefix(", "))
                        .is_some_and(|gap| {
                            let words: Vec<&str> = gap.split_whitespace().take(4).collect();
                            words.len() <= 3
                                && words
                                    .first()
                                    .is_some_and(|w| matches!(*w, "a" | "an" | "the"))
                                && !gap.contains(',')
                                && words
                                    .iter()
                                    .all(|w| w.starts_with(|c: char| c.is_lowercase()))
                        })
                    && text.get(d.end..).is_some_and(|t| t.starts_with(','))
            })
        };
        let sentence_bounds = |i: usize| {
            doc.sentences
                .iter()
                .find(|s| s.index == i)
                .map_or((0, text.len()), |s| {
                    (s.span.start, s.span.end.min(text.len()))
                })
        };
        // A word alone that is a word of a longer name of the document, or
        // of a person found before, is that name's surname or given name
        // (the bare-surname pass below handles it), not another person.
        // "Hashimi" after "Hisham al-Hashimi": a particle joined to a name
        // word is set aside.
        let bare = |x: &str| -> String {
            x.split_once('-')
                .filter(|(p, rest)| {
                    (1..=3).contains(&p.len())
                        && p.chars().all(|c| c.is_ascii_lowercase())
                        && rest.starts_with(char::is_uppercase)
                })
                .map_or(x, |(_, rest)| rest)
                .to_string()
        };
        let in_longer_name = |w: &str| {
            let same = |x: &str| x == w || bare(x) == w;
            all_runs.iter().any(|r| {
                !r.single
                    && text
                        .get(r.start..r.end)
                        .is_some_and(|n| n.split(' ').any(same))
            }) || drafts.iter().any(|d| {
                matches!(d.kind, MentionKind::Person | MentionKind::Coreference)
                    && d.actor.name.split(' ').any(same)
            }) || text.contains(&format!("-{w} "))
                || text.contains(&format!("-{w},"))
        };
        let candidates: Vec<Run> = all_runs
            .iter()
            .copied()
            .filter(|r| {
                let name = text.get(r.start..r.end).unwrap_or("");
                if r.single
                    && (overlaps(r.start, r.end)
                        || in_longer_name(name)
                        || in_role_apposition(r)
                        || self.lex.given_name(name).is_some())
                {
                    return false;
                }
                let last = name.rsplit(' ').next().unwrap_or("");
                let free = !overlaps(r.start, r.end);
                // (a run no draft overlaps holds no surname reading)
                let given = !free && !surname_as_given(r).is_empty();
                (free || (given && !atoms_overlap(r.start, r.end)))
                    && (!in_role_apposition(r)
                        || (given && !in_role_apposition_with_country(r))
                        || (free && apposition_role(r).is_some()))
                    && !is_in(NON_PERSON_HEADS, last)
                    && !name.split(' ').any(|w| self.is_place_noun(w))
            })
            .collect();
        let titled_unknown = drafts
            .iter()
            .any(|d| d.kind == MentionKind::Person && d.rule.contains("+ unknown name"));
        if candidates.is_empty() && !titled_unknown {
            return;
        }
        // Evidence per name, over all its occurrences.
        let mut names: Vec<(&str, Evidence)> = Vec::new();
        for r in &candidates {
            let (s0, s1) = sentence_bounds(r.sentence);
            let ev = self.evidence_at(r, s0, s1);
            let name = text.get(r.start..r.end).unwrap_or("");
            match names.iter_mut().find(|(n, _)| *n == name) {
                Some((_, e)) => {
                    if e.why.is_none() {
                        e.why = ev.why;
                    }
                    if e.country.is_none() {
                        e.country = ev.country;
                    }
                }
                None => names.push((name, ev)),
            }
        }
        // A role run straight into the name (one space between them) is
        // the person's title: the person takes its country and sectors and
        // the mention covers both ("American aid worker Peter Kassig" → USA
        // NGO), as a known title does for a name the lexicon lacks ("US
        // envoy James Jeffrey"). The role alone is evidence enough.
        // Not when another actor runs straight into the role: the role is
        // then that actor's ("British Islamic State recruit Shamima Begum"
        // is an Isis recruit, not a military one) and the chain says more
        // than the role alone.
        let title_before = |r: &Run| {
            drafts.iter().position(|d| {
                d.sentence == r.sentence
                    && text.get(d.end..r.start) == Some(" ")
                    && title_like(text, d)
                    && !drafts
                        .iter()
                        .any(|e| e.end < d.start && text.get(e.end..d.start) == Some(" "))
            })
        };
        // "UN humanitarian adviser X", "Iran's Foreign Ministry's spokesman
        // X": a title with no country or organisation of its own belongs to
        // the actor that opens its noun phrase — joined to it by a
        // possessive or by up to two lower-case nouns or adjectives — and
        // the person takes that actor's country and organisation.
        let title_owner = |d: &Draft| -> Option<usize> {
            if d.actor.country.is_some() || d.actor.org.is_some() {
                return None;
            }
            let s = doc.sentences.iter().find(|s| s.index == d.sentence)?;
            drafts
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    e.sentence == d.sentence
                        && e.end < d.start
                        && (e.actor.country.is_some() || e.actor.org.is_some())
                        && (matches!(
                            e.kind,
                            MentionKind::Organization
                                | MentionKind::Country
                                | MentionKind::Capital
                                | MentionKind::Demonym
                        ) || (e.kind == MentionKind::Role
                            && (e.rule.starts_with("country:")
                                || e.rule.starts_with("demonym:")
                                || e.rule.contains(" + of + "))))
                        && self.noun_phrase_gap(s, e.end, d.start)
                })
                .max_by_key(|(_, e)| e.end)
                .map(|(i, _)| i)
        };
        let mut titled: Vec<(usize, usize, Option<usize>)> = Vec::new();
        for (ri, r) in candidates.iter().enumerate() {
            if r.single {
                continue;
            }
            let Some(k) = title_before(r) else { continue };
            let Some(d) = drafts.get(k) else { continue };
            let owner = title_owner(d);
            titled.push((ri, k, owner));
            let owner = owner.and_then(|o| drafts.get(o));
            let name = text.get(r.start..r.end).unwrap_or("");
            if let Some((_, e)) = names.iter_mut().find(|(n, _)| *n == name) {
                if e.title.is_none() {
                    let role = text
                        .get(owner.map_or(d.start, |o| o.start)..d.end)
                        .unwrap_or("")
                        .to_string();
                    if e.why.is_none() {
                        e.why = Some(format!("title {role:?} run into the name"));
                    }
                    e.title = Some(match owner {
                        Some(o) => Title {
                            text: role,
                            country: o.actor.country.clone(),
                            sectors: if o.actor.org.is_some() {
                                owner_sectors(&o.actor.sectors, &d.actor.sectors)
                            } else {
                                d.actor.sectors.clone()
                            },
                            org: o.actor.org.clone(),
                        },
                        None => Title {
                            text: role,
                            country: d.actor.country.clone(),
                            sectors: d.actor.sectors.clone(),
                            org: d.actor.org.clone(),
                        },
                    });
                }
            }
        }
        for r in candidates.iter().filter(|r| !r.single) {
            let Some(d) = apposition_role(r).and_then(|k| drafts.get(k)) else {
                continue;
            };
            let name = text.get(r.start..r.end).unwrap_or("");
            if let Some((_, e)) = names.iter_mut().find(|(n, _)| *n == name) {
                if e.title.is_none() && e.why.is_some() {
                    e.title = Some(Title {
                        text: text.get(d.start..d.end).unwrap_or("").to_string(),
                        country: d.actor.country.clone(),
                        sectors: d.actor.sectors.clone(),
                        org: d.actor.org.clone(),
                    });
                }
            }
        }
        let actor_of = |name: &str, ev: &Evidence| {
            let demonym = ev.country.as_ref().map(|(c, _)| c.clone());
            match &ev.title {
                Some(t) => Actor {
                    name: name.to_string(),
                    country: t.country.clone().or(demonym),
                    sectors: t.sectors.clone(),
                    // the title as written: the person's role in the story
                    role: Some(t.text.clone()),
                    // the organisation the title names ("EU commissioner")
                    org: t.org.clone(),
                    ..Default::default()
                },
                None => Actor {
                    name: name.to_string(),
                    country: demonym,
                    sectors: vec!["CVL".to_string()],
                    ..Default::default()
                },
            }
        };
        let rule_of = |ev: &Evidence| {
            let mut rule = String::from(UNKNOWN_PERSON_RULE);
            rule.push_str(ev.why.as_deref().unwrap_or(""));
            if let Some(t) = &ev.title {
                rule.push_str("; title ");
                rule.push_str(&format!("{:?}", t.text));
                rule.push_str(" gives ");
                if let Some(c) = &t.country {
                    rule.push_str("country ");
                    rule.push_str(c);
                    rule.push_str(", ");
                }
                if let Some(o) = &t.org {
                    rule.push_str("organisation ");
                    rule.push_str(o);
                    rule.push_str(", ");
                }
                rule.push_str("sector ");
                rule.push_str(&t.sectors.join("+"));
                if t.country.is_some() {
                    return rule;
                }
            }
            match &ev.country {
                Some((c, d)) => {
                    rule.push_str("; country ");
                    rule.push_str(c);
                    rule.push_str(" from \"");
                    rule.push_str(d);
                    rule.push('"');
                }
                None if ev.title.as_ref().is_some_and(|t| t.org.is_some()) => {}
                None if ev.title.is_some() => rule.push_str("; no country named"),
                None => rule.push_str("; no country named; sector CVL"),
            }
            rule
        };
        let mut merged: Vec<usize> = Vec::new();
        let mut new = Vec::new();
        // (surname, full name, first offset)
        let mut surnames: Vec<(&str, &str, usize)> = Vec::new();
        for (ri, r) in candidates.iter().enumerate() {
            let name = text.get(r.start..r.end).unwrap_or("");
            let Some((_, ev)) = names.iter().find(|(n, e)| *n == name && e.why.is_some()) else {
                continue;
            };
            let title = titled
                .iter()
                .find(|(x, _, _)| *x == ri)
                .and_then(|&(_, k, o)| {
                    let owner = o.and_then(|o| drafts.get(o).map(|e| (o, e.start)));
                    drafts.get(k).map(|d| {
                        (
                            k,
                            owner.map_or(d.start, |(_, st)| st),
                            owner.map(|(o, _)| o),
                        )
                    })
                });
            if let Some((k, _, owner)) = title {
                merged.push(k);
                merged.extend(owner);
            }
            merged.extend(surname_as_given(r));
            new.push(self.draft(
                title.map_or(r.start, |(_, s, _)| s),
                r.end,
                r.sentence,
                MentionKind::Person,
                actor_of(name, ev),
                rule_of(ev),
                0.6,
            ));
            let last = name.rsplit(' ').next().unwrap_or("");
            if last.chars().count() >= 3 && !surnames.iter().any(|(_, n, _)| *n == name) {
                surnames.push((last, name, r.start));
            }
        }
        // (surname, full name, first offset, actor, rule)
        let mut surnames: Vec<(&str, &str, usize, Actor, String)> = surnames
            .into_iter()
            .filter_map(|(l, full, first)| {
                let (_, ev) = names.iter().find(|(n, _)| *n == full)?;
                let mut rule = rule_of(ev);
                rule.push_str("; surname of ");
                rule.push_str(full);
                Some((l, full, first, actor_of(full, ev), rule))
            })
            .collect();
        // "Norwegian aid envoy Lars Brekke": a name the role chain captured
        // after a title (`compound.rs`) is referred to by its surname too.
        for d in drafts.iter() {
            if d.kind != MentionKind::Person || !d.rule.contains("+ unknown name") {
                continue;
            }
            let full = d.actor.name.as_str();
            let last = full.rsplit(' ').next().unwrap_or("");
            if full.contains(' ')
                && last.chars().count() >= 3
                && !surnames.iter().any(|x| x.1 == full)
            {
                let rule = format!("{}; surname of {full}", d.rule);
                surnames.push((last, full, d.start, d.actor.clone(), rule));
            }
        }
        // Later bare surnames: one proper noun standing alone, after the
        // full name, matching exactly one recognised name.
        for s in &doc.sentences {
            for (i, t) in s.tokens.iter().enumerate() {
                let w = t.text(text);
                let mut matching = surnames.iter().filter(|x| x.0 == w);
                let (Some((_, _, first, actor, rule)), None) = (matching.next(), matching.next())
                else {
                    continue;
                };
                let first = *first;
                if t.span.start <= first || overlaps(t.span.start, t.span.end) {
                    continue;
                }
                if new
                    .iter()
                    .any(|d: &Draft| d.start <= t.span.start && t.span.end <= d.end)
                {
                    continue;
                }
                // Not part of a longer name ("Jack Letts" is someone else).
                let capital_neighbour = |k: Option<usize>| {
                    k.and_then(|k| s.tokens.get(k))
                        .is_some_and(|x| word_ok(x.text(text)) && x.pos.is_proper())
                };
                if capital_neighbour(i.checked_sub(1)) || capital_neighbour(Some(i + 1)) {
                    continue;
                }
                new.push(self.draft(
                    t.span.start,
                    t.span.end,
                    s.index,
                    MentionKind::Coreference,
                    actor.clone(),
                    rule.clone(),
                    0.55,
                ));
            }
        }
        if !merged.is_empty() {
            let mut k = 0;
            drafts.retain(|_| {
                k += 1;
                !merged.contains(&(k - 1))
            });
        }
        drafts.extend(new);
    }
}

/// Points each later mention of an unknown person at its first full
/// mention (`antecedent`).
pub(crate) fn link_antecedents(mentions: &mut [dyad_core::ActorMention]) {
    for i in 0..mentions.len() {
        let Some(m) = mentions.get(i) else { continue };
        if !m.rule.starts_with(UNKNOWN_PERSON_RULE) || m.antecedent.is_some() {
            continue;
        }
        let name = m.actor.name.clone();
        let first = mentions.iter().take(i).position(|x| {
            x.kind == MentionKind::Person
                && x.rule.starts_with(UNKNOWN_PERSON_RULE)
                && x.actor.name == name
        });
        if let (Some(f), Some(m)) = (first, mentions.get_mut(i)) {
            m.antecedent = Some(f);
        }
    }
}
