//! Known people in text: their actor at the scan date (role valid then,
//! former role → ELI, a title written in the text), bare surnames and the
//! guards that keep "Harry Ho" from being Ho Chi Minh.

use chrono::NaiveDate;
use dyad_core::{Actor, MentionKind};

use crate::compound::Title;
use crate::model::{Person, PersonRole};
use crate::patterns::Atom;
use crate::recognize::{Draft, Hint, Scan};
use crate::text::{concat, is_capitalized, next_word, prev_word, push_origin};

/// What a person mention's rule says when a title written in the text
/// replaced the lexicon's role (read back by coreference).
pub(crate) const TITLE_IN_TEXT: &str = "; title in text: ";

/// How a person's role relates to the date asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RoleStatus {
    Current,
    Former,
    Future,
}

/// The role valid on `date` (latest start, then highest rank), else the most
/// recently ended role (status Former), else the first future role.
pub(crate) fn role_at(p: &Person, date: NaiveDate) -> Option<(&PersonRole, RoleStatus)> {
    let current = p
        .roles
        .iter()
        .filter(|r| r.valid_on(date))
        .max_by_key(|r| (r.rank, r.start));
    if let Some(r) = current {
        return Some((r, RoleStatus::Current));
    }
    let former = p
        .roles
        .iter()
        .filter(|r| r.last_day().is_some_and(|e| e < date))
        .max_by_key(|r| r.last_day());
    if let Some(r) = former {
        return Some((r, RoleStatus::Former));
    }
    p.roles
        .iter()
        .min_by_key(|r| r.start)
        .map(|r| (r, RoleStatus::Future))
}

/// Honorifics written right before a surname (without a full stop, the
/// British way: "Mr Trump", "Ms Begum").
const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady",
];

impl Scan<'_> {
    /// True when person `pi` holds a role on the scan date.
    pub(crate) fn is_current(&self, pi: usize) -> bool {
        self.lex
            .k
            .people
            .get(pi)
            .and_then(|p| role_at(p, self.date))
            .is_some_and(|(_, s)| s == RoleStatus::Current)
    }

    /// The actor of a known person at the scan date.
    pub(crate) fn person_actor(&self, pi: usize) -> (Actor, String) {
        let Some(p) = self.lex.k.people.get(pi) else {
            return (Actor::default(), String::new());
        };
        let mut actor = Actor {
            name: p.name.clone(),
            person_id: Some(p.id.clone()),
            ..Default::default()
        };
        let note = if self.date_known {
            ""
        } else {
            " (no document date: roles as of today)"
        };
        match role_at(p, self.date) {
            Some((r, status)) => {
                let (country, org) = self.lex.code_to_country_org(&r.country);
                actor.country = country;
                actor.org = org;
                let mut rule = concat(&["person:", &p.id, " "]);
                push_origin(&mut rule, &r.origin.file, r.origin.line);
                let date = self.date_text.as_str();
                let role = r.role.as_str();
                let why: [&str; 5] = match status {
                    RoleStatus::Current => {
                        actor.sectors = r.sectors.clone();
                        actor.role = Some(r.role.clone());
                        let presumed = if r.presumed_on(self.date) {
                            " (presumed: the source's snapshot ends earlier, with the role still held)"
                        } else {
                            ""
                        };
                        [" role ", role, " valid on ", date, presumed]
                    }
                    RoleStatus::Former => {
                        actor.sectors = vec!["ELI".to_string()];
                        actor.role = Some(concat(&["former ", role]));
                        [" no role on ", date, "; former ", role, " → ELI"]
                    }
                    RoleStatus::Future => {
                        actor.sectors = r.sectors.clone();
                        actor.role = None;
                        [" no role yet on ", date, " (later ", role, ")"]
                    }
                };
                for part in why.iter().chain([note].iter()) {
                    rule.push_str(part);
                }
                (actor, rule)
            }
            None => (actor, concat(&["person:", &p.id])),
        }
    }

    pub(crate) fn person_draft(
        &self,
        pi: usize,
        start: usize,
        end: usize,
        sentence: usize,
    ) -> Draft {
        self.titled_person_draft(pi, start, end, sentence, None)
    }

    /// A known person; a title written in the text ("defense minister Shin
    /// Won-sik") wins over the lexicon when the lexicon has no role on the date
    /// or only a presumed one (an open role past its source's snapshot: "the
    /// international development secretary, Penny Mordaunt" in 2019 is no
    /// mere member of parliament).
    pub(crate) fn titled_person_draft(
        &self,
        pi: usize,
        start: usize,
        end: usize,
        sentence: usize,
        title: Option<&Title>,
    ) -> Draft {
        let (mut actor, mut rule) = self.person_actor(pi);
        let current = self
            .lex
            .k
            .people
            .get(pi)
            .and_then(|p| role_at(p, self.date))
            .is_some_and(|(r, s)| s == RoleStatus::Current && !r.presumed_on(self.date));
        if let Some(t) = title.filter(|_| !current) {
            actor.sectors = t.sectors.clone();
            actor.role = Some(t.phrase.clone());
            rule.push_str(TITLE_IN_TEXT);
            rule.push_str(&t.phrase);
        }
        let mut d = self.draft(start, end, sentence, MentionKind::Person, actor, rule, 0.95);
        d.person = Some(pi);
        d
    }

    /// "Harry Ho" is not Ho Chi Minh: a surname right after a capitalised
    /// word that is not itself recognised (and not the sentence's first word,
    /// unless that word is a given name: "Ahmed Khatib said" at the start of
    /// a sentence is not Esmaeil Khatib). A month, a weekday or an honorific
    /// is no first name: "On Monday Lavrov told reporters" is Lavrov, "said
    /// Mr Trump" is Trump.
    pub(crate) fn follows_name(
        &self,
        a: &Atom,
        s_start: usize,
        prev_atom_end: Option<usize>,
        group: usize,
    ) -> bool {
        let Some(w) = prev_word(self.text, a.start, s_start) else {
            return false;
        };
        if prev_atom_end == Some(w.end) || !self.adjacent(w.end, a.start) {
            return false;
        }
        let first_of_sentence = prev_word(self.text, w.start, s_start).is_none();
        let word = self.word(w);
        is_capitalized(word)
            && word.chars().all(char::is_alphabetic)
            && !dyad_core::calendar::is_time_word(word)
            && !HONORIFICS.iter().any(|h| h.eq_ignore_ascii_case(word))
            && !is_capitalised_determiner(word)
            && (!first_of_sentence
                || (self.lex.is_given_name(word) && !self.names_word(group, word)))
    }

    /// True when `word` is a word of the name or an alias of a person of
    /// surname group `group` ("Recep" of Recep Tayyip Erdoğan: "Recep
    /// Erdogan" is still him).
    fn names_word(&self, group: usize, word: &str) -> bool {
        let Some((_, people)) = self.lex.patterns.surnames.get(group) else {
            return false;
        };
        people.iter().any(|&pi| {
            self.lex.k.people.get(pi).is_some_and(|p| {
                std::iter::once(&p.name)
                    .chain(p.aliases.iter())
                    .any(|n| n.split([' ', '-']).any(|x| x.eq_ignore_ascii_case(word)))
            })
        })
    }

    /// "Kim" followed by more capitalised words is someone else ("Kim Yo Jong").
    pub(crate) fn continues_name(&self, a: &Atom, next: Option<&Atom>, s_end: usize) -> bool {
        if a.possessive {
            return false;
        }
        let Some(w) = next_word(self.text, a.end, s_end) else {
            return false;
        };
        if next.is_some_and(|n| n.start == w.start) {
            return false;
        }
        let t = self.word(w);
        is_capitalized(t)
            && t.chars().all(|c| c.is_alphabetic() || c == '-')
            && self.adjacent(a.end, w.start)
    }

    pub(crate) fn surname_draft(
        &self,
        g: usize,
        start: usize,
        end: usize,
        si: usize,
        country: Option<String>,
        title: Option<String>,
    ) -> Draft {
        let name = self
            .lex
            .patterns
            .surnames
            .get(g)
            .map(|(n, _)| n.clone())
            .unwrap_or_default();
        let mut d = self.draft(
            start,
            end,
            si,
            MentionKind::Coreference,
            Actor {
                name: name.clone(),
                ..Default::default()
            },
            concat(&["surname:", &name]),
            0.8,
        );
        d.hint = Hint::Surname {
            group: g,
            country,
            title,
        };
        d
    }
}

/// A determiner or possessive written with a capital where a quotation or
/// headline starts ("said: “The Assad regime …”") is no first name.
fn is_capitalised_determiner(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "Our"
            | "Their"
            | "His"
            | "Her"
            | "Its"
            | "My"
            | "Your"
            | "Every"
            | "Each"
            | "No"
    )
}
