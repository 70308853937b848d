//! From matched phrases ("atoms") to actor mention drafts: compounds, place
//! filtering and first-pass resolution. Coreference runs afterwards
//! (`coref.rs`) over the drafts of the whole document.

use chrono::NaiveDate;
use dyad_core::{Actor, MentionKind};

use crate::compound::Sent;
use crate::model::{RoleKind, RoleWord};
use crate::patterns::{Atom, Target};
use crate::text::{concat, is_capitalized, next_word, prev_word, push_origin, Word};
use crate::words::{
    is_in, is_motion, DIRECTIONAL, LOCATIVE, OPENING_PREPOSITIONS, REMOVAL_PREFIXES, ROLE_MODIFIERS,
};
use crate::Lexicon;

pub(crate) use crate::person::{role_at, RoleStatus};

/// What coreference still has to decide for a draft.
#[derive(Debug, Clone)]
pub(crate) enum Hint {
    /// Fully resolved.
    Done,
    /// A bare surname: the person is chosen among the group's members.
    Surname {
        group: usize,
        country: Option<String>,
        title: Option<String>,
    },
    /// "the Russian president": an earlier person with this title, or the
    /// office holder at the date.
    TitleOnly {
        title: String,
        country: Option<String>,
    },
    /// "the two leaders": the last two persons; with fewer, the fallback
    /// mention if any ("the two men" with no two persons named is a role).
    Pair { fallback: Option<Box<Draft>> },
    /// "he", "his": the last person subject. `cataphoric`: a possessive in
    /// a phrase opening the sentence ("In his talks with May, Erdoğan
    /// said"), which points forward to the clause's subject.
    Pronoun { cataphoric: bool },
}

/// A mention before coreference.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub kind: MentionKind,
    pub actor: Actor,
    pub person: Option<usize>,
    pub rule: String,
    pub confidence: f32,
    pub hint: Hint,
}

/// Per-document recognition state.
pub(crate) struct Scan<'a> {
    pub lex: &'a Lexicon,
    pub text: &'a str,
    pub date: NaiveDate,
    /// `date` as written in rule texts (formatted once per document).
    pub date_text: String,
    pub date_known: bool,
    pub dateline_country: Option<String>,
    /// Start offsets of tokens the tagger marked as adjectives ("official
    /// visit", "military drills"): a lone role word there is a modifier.
    pub adjectives: Vec<usize>,
}

fn role_target(t: Target) -> Option<(usize, bool)> {
    match t {
        Target::Role(r) => Some((r, false)),
        Target::RolePlural(r) => Some((r, true)),
        _ => None,
    }
}

impl<'a> Scan<'a> {
    pub(crate) fn role(&self, i: usize) -> Option<&'a RoleWord> {
        self.lex.k.roles.get(i)
    }

    pub(crate) fn word(&self, w: Word) -> &'a str {
        w.text(self.text)
    }

    /// Byte after an atom, past a possessive `'s`.
    pub(crate) fn after(&self, a: &Atom) -> usize {
        if a.possessive {
            // apostrophe (1 or 3 bytes) + s
            let ap = self
                .text
                .get(a.end..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8);
            a.end + ap + 1
        } else {
            a.end
        }
    }

    /// True when only allowed modifiers (at most two words) separate `from` and `to`.
    pub(crate) fn gap_ok(&self, from: usize, to: usize) -> bool {
        let Some(gap) = self.text.get(from..to) else {
            return false;
        };
        // Long gaps are never modifiers: no need to look at them.
        if gap.len() > 40 {
            return false;
        }
        let mut count = 0;
        gap.split_whitespace().all(|w| {
            count += 1;
            count <= 2
                && w.chars().all(|c| c.is_alphanumeric() || c == '-')
                && (is_in(ROLE_MODIFIERS, w)
                    || is_capitalized(w)
                    || w.chars().all(|c| c.is_ascii_digit()))
        })
    }

    /// Adjacent, or separated by one comma (an appositive: "the defense
    /// minister, Shin Won-sik").
    pub(crate) fn adjacent_or_comma(&self, from: usize, to: usize) -> bool {
        self.text.get(from..to).is_some_and(|g| {
            let g = g.trim();
            g.is_empty() || g == ","
        })
    }

    pub(crate) fn adjacent(&self, from: usize, to: usize) -> bool {
        self.text.get(from..to).is_some_and(|g| g.trim().is_empty())
    }

    /// Whether one of the three words before `start` is a verb of moving
    /// something away ("withdraw", "pulled", "evacuating"): "withdraw troops
    /// from Syria" names where the troops are.
    pub(crate) fn after_removal_verb(&self, s_start: usize, start: usize) -> bool {
        let mut pos = start;
        for _ in 0..3 {
            let Some(w) = prev_word(self.text, pos, s_start) else {
                return false;
            };
            let word = self.word(w).to_ascii_lowercase();
            if REMOVAL_PREFIXES.iter().any(|r| word.starts_with(r)) {
                return true;
            }
            pos = w.start;
        }
        false
    }

    /// Only "of"/"for"/"in"/"from" (+ "the") between `from` and `to`.
    pub(crate) fn of_link(&self, from: usize, to: usize, allow_in: bool) -> bool {
        let Some(gap) = self.text.get(from..to) else {
            return false;
        };
        if gap.len() > 12 {
            return false;
        }
        let first_ok = |w: &str| {
            ["of", "for"].iter().any(|x| x.eq_ignore_ascii_case(w))
                || (allow_in && ["in", "from"].iter().any(|x| x.eq_ignore_ascii_case(w)))
        };
        let mut words = gap.split_whitespace();
        match (words.next(), words.next(), words.next()) {
            (Some(a), None, None) => first_ok(a),
            (Some(a), Some(b), None) => first_ok(a) && b.eq_ignore_ascii_case("the"),
            _ => false,
        }
    }

    /// True when the place at `start` is a location ("in Moscow", "travelled
    /// to Seoul", "Kharkiv, Ukraine"), not an acting government. A possessive ("in Moscow's stance") is an
    /// actor unless a place noun or a name follows ("in Moscow's Red Square").
    pub(crate) fn place_context_of(
        &self,
        s_start: usize,
        start: usize,
        prev_atom_end: Option<usize>,
        possessive_end: Option<usize>,
        country_only: bool,
        end: usize,
    ) -> bool {
        if let Some(after) = possessive_end {
            let next = next_word(self.text, after, self.text.len())
                .map(|w| self.word(w))
                .unwrap_or("");
            let place_next = is_capitalized(next) || self.is_place_noun(next);
            if !place_next {
                return false;
            }
        }
        let Some(mut w) = prev_word(self.text, start, s_start) else {
            return false;
        };
        if self.word(w).eq_ignore_ascii_case("the") {
            match prev_word(self.text, w.start, s_start) {
                Some(p) => w = p,
                None => return false,
            }
        }
        let t = self.word(w);
        if is_in(LOCATIVE, t) || is_motion(t) {
            return true;
        }
        if is_in(DIRECTIONAL, t) {
            let mut pos = w.start;
            for _ in 0..4 {
                let Some(p) = prev_word(self.text, pos, s_start) else {
                    break;
                };
                if is_motion(self.word(p)) {
                    return true;
                }
                pos = p.start;
            }
            return false;
        }
        if t == "," && country_only {
            // "Vladivostok, Russia": a country after a town names the town's country.
            if let Some(p) = prev_word(self.text, w.start, s_start) {
                let before = self.word(p);
                let town =
                    prev_atom_end != Some(p.end) || self.lex.country_of_city(before).is_some();
                // "In March, Russia vetoed": a date is no town, and a country
                // going on with a word after an opening phrase is the subject.
                return town
                    && is_capitalized(before)
                    && !dyad_core::calendar::is_time_word(before)
                    && !self.after_opening_phrase(s_start, w.start, end);
            }
        }
        false
    }

    /// True when `comma` closes a short phrase opening the sentence with a
    /// preposition ("In Geneva,", "After talks in Ankara,") and the word at
    /// `end` goes on with a word, not punctuation ("In Aden, Yemen, ..." is
    /// still a place).
    fn after_opening_phrase(&self, s_start: usize, comma: usize, end: usize) -> bool {
        let continues = next_word(self.text, end, self.text.len()).is_some_and(|n| {
            self.word(n)
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        });
        if !continues {
            return false;
        }
        let Some(opening) = self.text.get(s_start..comma) else {
            return false;
        };
        let mut words = opening.split_whitespace();
        let first = words.next().unwrap_or("");
        is_in(OPENING_PREPOSITIONS, first)
            && opening.split_whitespace().count() <= 6
            && !opening.contains([',', ';', ':'])
    }

    pub(crate) fn is_place_noun(&self, word: &str) -> bool {
        self.lex.place_nouns.contains(&word.to_lowercase())
    }

    /// Capitalised words (an unknown person's name) right after `from`,
    /// stopping before `limit` (the next atom).
    pub(crate) fn capture_name(
        &self,
        from: usize,
        s_end: usize,
        limit: usize,
    ) -> Option<(usize, usize)> {
        let mut pos = from;
        let mut span: Option<(usize, usize)> = None;
        for _ in 0..5 {
            let Some(w) = next_word(self.text, pos, s_end) else {
                break;
            };
            if w.start >= limit {
                break;
            }
            let t = self.word(w);
            let particle = matches!(
                t,
                "bin" | "al" | "de" | "van" | "von" | "le" | "da" | "del" | "ibn"
            );
            if !(is_capitalized(t) || (particle && span.is_some()))
                || !t.chars().any(char::is_alphabetic)
            {
                break;
            }
            if matches!(
                t,
                "The" | "On" | "In" | "But" | "And" | "He" | "She" | "It" | "This"
            ) {
                break;
            }
            span = Some((span.map_or(w.start, |s| s.0), w.end));
            pos = w.end;
        }
        span
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn draft(
        &self,
        start: usize,
        end: usize,
        sentence: usize,
        kind: MentionKind,
        actor: Actor,
        rule: String,
        confidence: f32,
    ) -> Draft {
        Draft {
            start,
            end,
            sentence,
            kind,
            actor,
            person: None,
            rule,
            confidence,
            hint: Hint::Done,
        }
    }

    /// Recognises the mentions of one sentence.
    pub(crate) fn sentence(
        &self,
        index: usize,
        s_start: usize,
        s_end: usize,
        atoms: &[Atom],
        pronouns: &[(usize, usize)],
        out: &mut Vec<Draft>,
    ) {
        let mut i = 0;
        let first_new = out.len();
        let mut prev_atom_end = None;
        while let Some(a) = atoms.get(i) {
            let used = self
                .at(index, s_start, s_end, atoms, i, prev_atom_end, out)
                .max(1);
            prev_atom_end = atoms.get(i + used - 1).map(|x| x.end).or(Some(a.end));
            i += used;
        }
        let mut k = first_new;
        while k < out.len() {
            if out
                .get(k)
                .is_some_and(|d| self.names_a_gathering(d, s_start, s_end))
            {
                out.remove(k);
            } else {
                k += 1;
            }
        }
        for d in out.iter_mut().skip(first_new) {
            self.mark_former(d, s_start);
        }
        self.pronouns(index, s_start, pronouns, out);
        // Pronouns come last: put this sentence's drafts in text order now,
        // while the run is short (the document-level stable sort then finds
        // the drafts in order).
        if let Some(new) = out.get_mut(first_new..) {
            new.sort_by(|a, b| a.start.cmp(&b.start).then(a.end.cmp(&b.end)));
        }
    }

    /// Whether a draft ending in a body that also names a gathering
    /// (`[gathering-bodies]` of context-words.txt: "congress", "conference")
    /// names a meeting rather than the body: a topic word in it ("Syrian
    /// National Dialogue Congress") or in its "on"/"of" phrase ("Syrian
    /// Congress on National Dialogue"), a capitalised "on" phrase ("a
    /// Congress on Syrian Unity"), or an indefinite article before it ("host
    /// a two-day Syrian Congress"): a country has one legislature, which is
    /// never "a" congress.
    fn names_a_gathering(&self, d: &Draft, s_start: usize, s_end: usize) -> bool {
        use crate::context_words::{is_in, List};
        let Some(phrase) = self.text.get(d.start..d.end) else {
            return false;
        };
        let words: Vec<&str> = phrase
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        if !words
            .last()
            .is_some_and(|w| is_in(List::GatheringBodies, w))
        {
            return false;
        }
        if words.iter().any(|w| is_in(List::GatheringTopics, w)) {
            return true;
        }
        let mut after = Vec::with_capacity(4);
        let mut pos = d.end;
        while after.len() < 4 {
            let Some(w) = next_word(self.text, pos, s_end) else {
                break;
            };
            after.push(w.text(self.text));
            pos = w.end;
        }
        let linked = after
            .first()
            .is_some_and(|w| w.eq_ignore_ascii_case("on") || w.eq_ignore_ascii_case("of"));
        if linked
            && after
                .iter()
                .skip(1)
                .any(|w| is_in(List::GatheringTopics, w))
        {
            return true;
        }
        if after.first().is_some_and(|w| w.eq_ignore_ascii_case("on"))
            && after.get(1).is_some_and(|w| is_capitalized(w))
        {
            return true;
        }
        let mut pos = d.start;
        for _ in 0..2 {
            let Some(w) = prev_word(self.text, pos, s_start) else {
                break;
            };
            let t = w.text(self.text);
            if t.eq_ignore_ascii_case("a") || t.eq_ignore_ascii_case("an") {
                return true;
            }
            // only a modifier ("two-day", "planned") between the article and
            // the phrase
            if !t.chars().next().is_some_and(char::is_lowercase) {
                break;
            }
            pos = w.start;
        }
        false
    }

    /// "former President X", "a former White House official", "ex-minister":
    /// the text says the office is past, so the actor is an elite (ELI).
    fn mark_former(&self, d: &mut Draft, s_start: usize) {
        if !matches!(
            d.kind,
            MentionKind::Person | MentionKind::Role | MentionKind::Demonym | MentionKind::Capital
        ) {
            return;
        }
        let mut pos = d.start;
        if self
            .text
            .get(pos.saturating_sub(3)..pos)
            .is_some_and(|t| t.eq_ignore_ascii_case("ex-"))
        {
            pos -= 1;
        }
        let mut former = false;
        for _ in 0..2 {
            let Some(w) = prev_word(self.text, pos, s_start) else {
                break;
            };
            let t = self.word(w);
            if is_in(&["former", "ex", "ex-", "then-former"], t) {
                former = true;
                break;
            }
            if !is_in(&["a", "an", "the", "two", "three", "several", "one"], t) {
                break;
            }
            pos = w.start;
        }
        if former {
            d.actor.sectors = vec!["ELI".to_string()];
            d.actor.role = d.actor.role.take().map(|r| format!("former {r}"));
            d.rule = format!("{}; 'former' in text → ELI", d.rule);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn at(
        &self,
        si: usize,
        s_start: usize,
        s_end: usize,
        atoms: &[Atom],
        i: usize,
        prev_atom_end: Option<usize>,
        out: &mut Vec<Draft>,
    ) -> usize {
        let Some(a) = atoms.get(i) else { return 1 };
        let next = atoms.get(i + 1);
        match a.primary() {
            Target::Person(p) => {
                // "Donald Trump Jr." is the son, not the known "Donald Trump"
                if crate::patterns::generation_suffix_follows(self.text, a.end) {
                    return 1;
                }
                let (end, extra) = self.extend_of_country(a.end, atoms, i + 1);
                out.push(self.person_draft(p, a.start, end, si));
                1 + extra
            }
            Target::Surname(g) => {
                if a.hyphen_after
                    || self.continues_name(a, next, s_end)
                    || self.follows_name(a, s_start, prev_atom_end, g)
                    || names_a_settlement(self.text.get(s_start..a.start).unwrap_or(""))
                {
                    return 1;
                }
                out.push(self.surname_draft(g, a.start, a.end, si, None, None));
                1
            }
            Target::Org(o) => self.org_led(si, atoms, i, o, out),
            Target::Role(_) | Target::RolePlural(_) => {
                let sent = Sent {
                    index: si,
                    start: s_start,
                    end: s_end,
                    atoms,
                };
                self.role_led(&sent, i, out)
            }
            Target::Country(_)
            | Target::Capital(_)
            | Target::Demonym(_)
            | Target::DemonymPlural(_)
            | Target::City(_)
            | Target::Seat(_) => {
                let sent = Sent {
                    index: si,
                    start: s_start,
                    end: s_end,
                    atoms,
                };
                self.country_led(&sent, i, prev_atom_end, out)
            }
        }
    }

    /// "President Vladimir Putin of Russia": the "of Russia" joins the mention.
    pub(crate) fn extend_of_country(
        &self,
        end: usize,
        atoms: &[Atom],
        next: usize,
    ) -> (usize, usize) {
        if let Some(b) = atoms.get(next) {
            if matches!(b.primary(), Target::Country(_)) && self.of_link(end, b.start, false) {
                return (b.end, 1);
            }
        }
        (end, 0)
    }

    fn org_led(
        &self,
        si: usize,
        atoms: &[Atom],
        i: usize,
        o: usize,
        out: &mut Vec<Draft>,
    ) -> usize {
        let (Some(a), Some(org)) = (atoms.get(i), self.lex.k.orgs.get(o)) else {
            return 1;
        };
        let mut actor = Actor {
            name: org.name.clone(),
            country: org.country.clone(),
            sectors: org.sectors.clone(),
            org: Some(org.id.clone()),
            ..Default::default()
        };
        let mut end = a.end;
        let mut used = 1;
        let mut rule = concat(&["org:", &org.id, " "]);
        push_origin(&mut rule, &org.origin.file, org.origin.line);
        if let Some(b) = atoms.get(i + 1) {
            if let Some((r, _)) = role_target(b.primary()) {
                if let Some(role) = self.role(r) {
                    if !role.kind.names_no_actor() && self.gap_ok(self.after(a), b.start) {
                        let transnational =
                            matches!(org.sectors.first().map(String::as_str), Some("IGO" | "NGO"));
                        for s in &role.sectors {
                            let skip = actor.sectors.contains(s) || (transnational && s == "GOV");
                            if !skip {
                                actor.sectors.push(s.clone());
                            }
                        }
                        // "NATO Secretary-General Jens Stoltenberg": the person.
                        if let Some(c) = atoms.get(i + 2).filter(|c| {
                            role.kind == RoleKind::Title && self.adjacent_or_comma(b.end, c.start)
                        }) {
                            if let Target::Person(p) = c.primary() {
                                out.push(self.person_draft(p, a.start, c.end, si));
                                return 3;
                            }
                        }
                        end = self.extend_of_phrase(
                            b.end,
                            atoms.get(i + 2).map_or(usize::MAX, |x| x.start),
                        );
                        used = 2;
                        rule.push_str(" + role:");
                        rule.push_str(&role.phrase);
                    }
                }
            }
        }
        out.push(self.draft(
            a.start,
            end,
            si,
            MentionKind::Organization,
            actor,
            rule,
            0.9,
        ));
        used
    }

    /// "panel of experts", "Ministry of Mines": an "of" + noun tail joins an
    /// institution or group phrase.
    pub(crate) fn extend_of_phrase(&self, end: usize, limit: usize) -> usize {
        let Some(w) = next_word(self.text, end, self.text.len()) else {
            return end;
        };
        if !self.word(w).eq_ignore_ascii_case("of") || !self.adjacent(end, w.start) {
            return end;
        }
        let Some(n) = next_word(self.text, w.end, self.text.len()) else {
            return end;
        };
        let t = self.word(n);
        let good = t.chars().all(char::is_alphabetic)
            && (is_capitalized(t)
                || matches!(
                    t,
                    "experts" | "inquiry" | "observers" | "investigators" | "inspectors"
                ));
        // Never swallow the start of the next recognised phrase.
        if good && n.end <= limit {
            n.end
        } else {
            end
        }
    }

    fn pronouns(
        &self,
        si: usize,
        s_start: usize,
        pronouns: &[(usize, usize)],
        out: &mut Vec<Draft>,
    ) {
        for &(start, end) in pronouns {
            let w = self.text.get(start..end).unwrap_or("");
            // "In his talks with May, Erdoğan ...": the sentence's first word
            // a preposition opening a phrase, the possessive right after it
            let cataphoric = is_in(&["his", "her", "their"], &w.to_lowercase())
                && prev_word(self.text, start, s_start).is_some_and(|p| {
                    is_in(OPENING_PREPOSITIONS, &self.word(p).to_lowercase())
                        && prev_word(self.text, p.start, s_start).is_none()
                });
            let mut d = self.draft(
                start,
                end,
                si,
                MentionKind::Pronoun,
                Actor::default(),
                format!("pronoun:{}", w.to_lowercase()),
                0.6,
            );
            d.hint = Hint::Pronoun { cataphoric };
            out.push(d);
        }
    }
}

/// "the town of Omar", "the village of Assad": a lone surname right after a
/// settlement or district noun and "of" is that place's name, not the
/// person (`before` is the sentence's text up to the word).
fn names_a_settlement(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let (Some(of), Some(noun)) = (words.next(), words.next()) else {
        return false;
    };
    of.eq_ignore_ascii_case("of")
        && matches!(
            noun.to_ascii_lowercase().as_str(),
            "town"
                | "city"
                | "village"
                | "villages"
                | "towns"
                | "province"
                | "district"
                | "region"
                | "governorate"
                | "county"
                | "suburb"
                | "neighbourhood"
                | "neighborhood"
                | "port"
                | "camp"
        )
}
