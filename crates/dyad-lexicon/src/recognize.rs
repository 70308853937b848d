//! From matched phrases ("atoms") to actor mention drafts: compounds, place
//! filtering and first-pass resolution. Coreference runs afterwards
//! (`coref.rs`) over the drafts of the whole document.

use chrono::NaiveDate;
use dyad_core::{Actor, MentionKind};

use crate::model::{Person, PersonRole, RoleKind, RoleWord};
use crate::patterns::{Atom, Target};
use crate::text::{is_capitalized, next_word, prev_word, Word};
use crate::words::{
    is_in, is_motion, role_rank, DIRECTIONAL, LOCATIVE, PAIR_HEADS, PERSON_PRONOUNS, ROLE_MODIFIERS,
};
use crate::Lexicon;

/// What coreference still has to decide for a draft.
#[derive(Debug, Clone, PartialEq)]
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
    /// "the two leaders": the last two persons.
    Pair,
    /// "he", "his": the last person subject.
    Pronoun,
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
        .max_by_key(|r| (role_rank(&r.role), r.start));
    if let Some(r) = current {
        return Some((r, RoleStatus::Current));
    }
    let former = p
        .roles
        .iter()
        .filter(|r| r.end.is_some_and(|e| e < date))
        .max_by_key(|r| r.end);
    if let Some(r) = former {
        return Some((r, RoleStatus::Former));
    }
    p.roles
        .iter()
        .min_by_key(|r| r.start)
        .map(|r| (r, RoleStatus::Future))
}

/// Per-document recognition state.
pub(crate) struct Scan<'a> {
    pub lex: &'a Lexicon,
    pub text: &'a str,
    pub date: NaiveDate,
    pub date_known: bool,
    pub dateline_country: Option<String>,
}

fn role_target(t: Target) -> Option<(usize, bool)> {
    match t {
        Target::Role(r) => Some((r, false)),
        Target::RolePlural(r) => Some((r, true)),
        _ => None,
    }
}

impl<'a> Scan<'a> {
    fn role(&self, i: usize) -> Option<&'a RoleWord> {
        self.lex.k.roles.get(i)
    }

    fn word(&self, w: Word) -> &'a str {
        w.text(self.text)
    }

    /// Byte after an atom, past a possessive `'s`.
    fn after(&self, a: &Atom) -> usize {
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
    fn gap_ok(&self, from: usize, to: usize) -> bool {
        let Some(gap) = self.text.get(from..to) else {
            return false;
        };
        let words: Vec<&str> = gap.split_whitespace().collect();
        if words.len() > 2 {
            return false;
        }
        words.iter().all(|w| {
            w.chars().all(|c| c.is_alphanumeric() || c == '-')
                && (is_in(ROLE_MODIFIERS, w)
                    || is_capitalized(w)
                    || w.chars().all(|c| c.is_ascii_digit()))
        })
    }

    fn adjacent(&self, from: usize, to: usize) -> bool {
        self.text.get(from..to).is_some_and(|g| g.trim().is_empty())
    }

    /// Only "of"/"for"/"in"/"from" (+ "the") between `from` and `to`.
    fn of_link(&self, from: usize, to: usize, allow_in: bool) -> bool {
        let Some(gap) = self.text.get(from..to) else {
            return false;
        };
        let words: Vec<String> = gap.split_whitespace().map(str::to_lowercase).collect();
        let first_ok =
            |w: &str| w == "of" || w == "for" || (allow_in && (w == "in" || w == "from"));
        match words.as_slice() {
            [a] => first_ok(a),
            [a, b] => first_ok(a) && b == "the",
            _ => false,
        }
    }

    /// True when the place at `start` is a location ("in Moscow", "travelled
    /// to Seoul", "Kharkiv, Ukraine"), not an acting government.
    fn place_context(&self, s_start: usize, start: usize, prev_atom_end: Option<usize>) -> bool {
        self.place_context_of(s_start, start, prev_atom_end, None)
    }

    /// Like [`Self::place_context`]; a possessive ("in Moscow's stance") is an
    /// actor unless a place noun or a name follows ("in Moscow's Red Square").
    fn place_context_of(
        &self,
        s_start: usize,
        start: usize,
        prev_atom_end: Option<usize>,
        possessive_end: Option<usize>,
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
        if t == "," {
            if let Some(p) = prev_word(self.text, w.start, s_start) {
                let is_atom = prev_atom_end == Some(p.end);
                return !is_atom && is_capitalized(self.word(p));
            }
        }
        false
    }

    fn is_place_noun(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.lex.k.roles.iter().any(|r| {
            r.kind == RoleKind::Place && (r.phrase == lower || format!("{}s", r.phrase) == lower)
        })
    }

    /// Capitalised words (an unknown person's name) right after `from`,
    /// stopping before `limit` (the next atom).
    fn capture_name(&self, from: usize, s_end: usize, limit: usize) -> Option<(usize, usize)> {
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
    fn draft(
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
                let why = match status {
                    RoleStatus::Current => {
                        actor.sectors = r.sectors.clone();
                        actor.role = Some(r.role.clone());
                        format!("role {} valid on {}", r.role, self.date)
                    }
                    RoleStatus::Former => {
                        actor.sectors = vec!["ELI".to_string()];
                        actor.role = Some(format!("former {}", r.role));
                        format!("no role on {}; former {} → ELI", self.date, r.role)
                    }
                    RoleStatus::Future => {
                        actor.sectors = r.sectors.clone();
                        actor.role = None;
                        format!("no role yet on {} (later {})", self.date, r.role)
                    }
                };
                (
                    actor,
                    format!(
                        "person:{} [{}:{}] {why}{note}",
                        p.id, r.origin.file, r.origin.line
                    ),
                )
            }
            None => (actor, format!("person:{}", p.id)),
        }
    }

    fn person_draft(&self, pi: usize, start: usize, end: usize, sentence: usize) -> Draft {
        self.titled_person_draft(pi, start, end, sentence, None)
    }

    /// A known person; a title written in the text ("defense minister Shin
    /// Won-sik") wins over the lexicon when the lexicon has no role on the date.
    fn titled_person_draft(
        &self,
        pi: usize,
        start: usize,
        end: usize,
        sentence: usize,
        title: Option<&RoleWord>,
    ) -> Draft {
        let (mut actor, mut rule) = self.person_actor(pi);
        let current = self
            .lex
            .k
            .people
            .get(pi)
            .and_then(|p| role_at(p, self.date))
            .is_some_and(|(_, s)| s == RoleStatus::Current);
        if let Some(t) = title.filter(|_| !current) {
            actor.sectors = t.sectors.clone();
            actor.role = Some(t.phrase.clone());
            rule = format!("{rule}; title in text: {}", t.phrase);
        }
        let mut d = self.draft(start, end, sentence, MentionKind::Person, actor, rule, 0.95);
        d.person = Some(pi);
        d
    }

    fn role_sectors(role: &RoleWord) -> Vec<String> {
        role.sectors.clone()
    }

    /// Recognises the mentions of one sentence.
    pub(crate) fn sentence(
        &self,
        index: usize,
        s_start: usize,
        s_end: usize,
        atoms: &[Atom],
        out: &mut Vec<Draft>,
    ) {
        let mut i = 0;
        let mut prev_atom_end = None;
        while let Some(a) = atoms.get(i) {
            let used = self
                .at(index, s_start, s_end, atoms, i, prev_atom_end, out)
                .max(1);
            prev_atom_end = atoms.get(i + used - 1).map(|x| x.end).or(Some(a.end));
            i += used;
        }
        self.pronouns(index, s_start, s_end, out);
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
                let (end, extra) = self.extend_of_country(a.end, atoms, i + 1);
                out.push(self.person_draft(p, a.start, end, si));
                1 + extra
            }
            Target::Surname(g) => {
                if self.continues_name(a, next, s_end) {
                    return 1;
                }
                out.push(self.surname_draft(g, a.start, a.end, si, None, None));
                1
            }
            Target::Org(o) => self.org_led(si, atoms, i, o, out),
            Target::Role(_) | Target::RolePlural(_) => {
                self.role_led(si, s_start, s_end, atoms, i, out)
            }
            Target::Country(c)
            | Target::Capital(c)
            | Target::Demonym(c)
            | Target::DemonymPlural(c) => {
                self.country_led(si, s_start, s_end, atoms, i, c, prev_atom_end, out)
            }
            Target::Seat(s) => {
                if self.place_context(s_start, a.start, prev_atom_end) {
                    return 1;
                }
                let Some(seat) = self.lex.k.seats.get(s) else {
                    return 1;
                };
                let actor = Actor {
                    name: seat.name.clone(),
                    country: Some(seat.country.clone()),
                    sectors: seat.sectors.clone(),
                    ..Default::default()
                };
                out.push(self.draft(
                    a.start,
                    a.end,
                    si,
                    MentionKind::Capital,
                    actor,
                    format!(
                        "seat:{} [{}:{}]",
                        seat.phrase, seat.origin.file, seat.origin.line
                    ),
                    0.9,
                ));
                1
            }
        }
    }

    /// "Kim" followed by more capitalised words is someone else ("Kim Yo Jong").
    fn continues_name(&self, a: &Atom, next: Option<&Atom>, s_end: usize) -> bool {
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
            format!("surname:{name}"),
            0.8,
        );
        d.hint = Hint::Surname {
            group: g,
            country,
            title,
        };
        d
    }

    /// "President Vladimir Putin of Russia": the "of Russia" joins the mention.
    fn extend_of_country(&self, end: usize, atoms: &[Atom], next: usize) -> (usize, usize) {
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
        let mut rule = format!("org:{} [{}:{}]", org.id, org.origin.file, org.origin.line);
        if let Some(b) = atoms.get(i + 1) {
            if let Some((r, _)) = role_target(b.primary()) {
                if let Some(role) = self.role(r) {
                    if role.kind != RoleKind::Place && self.gap_ok(self.after(a), b.start) {
                        let transnational =
                            matches!(org.sectors.first().map(String::as_str), Some("IGO" | "NGO"));
                        for s in &role.sectors {
                            let skip = actor.sectors.contains(s) || (transnational && s == "GOV");
                            if !skip {
                                actor.sectors.push(s.clone());
                            }
                        }
                        end = self.extend_of_phrase(b.end);
                        used = 2;
                        rule = format!("{rule} + role:{}", role.phrase);
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
    fn extend_of_phrase(&self, end: usize) -> usize {
        let limit = self.text.len();
        let Some(w) = next_word(self.text, end, limit) else {
            return end;
        };
        if !self.word(w).eq_ignore_ascii_case("of") || !self.adjacent(end, w.start) {
            return end;
        }
        let Some(n) = next_word(self.text, w.end, limit) else {
            return end;
        };
        let t = self.word(n);
        let good = t.chars().all(char::is_alphabetic)
            && (is_capitalized(t)
                || matches!(
                    t,
                    "experts" | "inquiry" | "observers" | "investigators" | "inspectors"
                ));
        if good && self.lex.country_of_phrase(t).is_none() {
            n.end
        } else {
            end
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn country_led(
        &self,
        si: usize,
        s_start: usize,
        s_end: usize,
        atoms: &[Atom],
        i: usize,
        c: usize,
        prev_atom_end: Option<usize>,
        out: &mut Vec<Draft>,
    ) -> usize {
        let Some(a) = atoms.get(i) else { return 1 };
        let Some(country) = self.lex.k.countries.get(c) else {
            return 1;
        };
        let code = country.code.clone();
        let primary = a.primary();
        if a.hyphen_after {
            return 1;
        }
        if let Some(b) = atoms.get(i + 1) {
            let linked = self.gap_ok(self.after(a), b.start);
            match (b.primary(), linked) {
                (Target::Role(r) | Target::RolePlural(r), true) => {
                    let Some(role) = self.role(r) else { return 1 };
                    if role.kind == RoleKind::Place {
                        // "the Ukrainian city of Kharkiv", "the Russian capital, Moscow"
                        return match atoms.get(i + 2) {
                            Some(c2)
                                if matches!(
                                    c2.primary(),
                                    Target::Capital(_) | Target::Country(_)
                                ) && self
                                    .text
                                    .get(b.end..c2.start)
                                    .is_some_and(|g| matches!(g.trim(), "of" | "," | "")) =>
                            {
                                3
                            }
                            _ => 2,
                        };
                    }
                    return self.country_role(si, s_end, atoms, i, &code, role, r, out);
                }
                (Target::Person(p), true)
                    if self.adjacent(self.after(a), b.start)
                        || self.gap_ok(self.after(a), b.start) =>
                {
                    out.push(self.person_draft(p, a.start, b.end, si));
                    return 2;
                }
                (Target::Surname(g), true) => {
                    out.push(self.surname_draft(g, a.start, b.end, si, Some(code), None));
                    return 2;
                }
                _ => {}
            }
        }
        let possessive_end = a.possessive.then(|| self.after(a));
        if self.place_context_of(s_start, a.start, prev_atom_end, possessive_end) {
            return 1;
        }
        let rule = format!(
            "{}:{} [{}:{}]",
            kind_name(primary),
            country.code,
            country.origin.file,
            country.origin.line
        );
        let mut actor = Actor {
            name: country.name.clone(),
            country: Some(code),
            ..Default::default()
        };
        let (kind, conf) = match primary {
            Target::Capital(_) => {
                actor.sectors = vec!["GOV".to_string()];
                (MentionKind::Capital, 0.8)
            }
            Target::Demonym(_) => (MentionKind::Demonym, 0.5),
            Target::DemonymPlural(_) => (MentionKind::Demonym, 0.7),
            _ => (MentionKind::Country, 0.9),
        };
        out.push(self.draft(a.start, a.end, si, kind, actor, rule, conf));
        1
    }

    /// Country word + role word (+ name): "South Korean defense minister Shin
    /// Won-sik", "Chile's Defense Ministry", "Kyiv police".
    #[allow(clippy::too_many_arguments)]
    fn country_role(
        &self,
        si: usize,
        s_end: usize,
        atoms: &[Atom],
        i: usize,
        code: &str,
        role: &RoleWord,
        r: usize,
        out: &mut Vec<Draft>,
    ) -> usize {
        let (Some(a), Some(b)) = (atoms.get(i), atoms.get(i + 1)) else {
            return 1;
        };
        let plural = matches!(b.primary(), Target::RolePlural(_));
        if role.kind == RoleKind::Title && !plural {
            if let Some(c) = atoms.get(i + 2) {
                if self.adjacent(self.after(b), c.start) {
                    match c.primary() {
                        Target::Person(p) => {
                            let (end, extra) = self.extend_of_country(c.end, atoms, i + 3);
                            out.push(self.titled_person_draft(p, a.start, end, si, Some(role)));
                            return 3 + extra;
                        }
                        Target::Surname(g) => {
                            out.push(self.surname_draft(
                                g,
                                a.start,
                                c.end,
                                si,
                                Some(code.to_string()),
                                Some(role.phrase.clone()),
                            ));
                            return 3;
                        }
                        _ => {}
                    }
                }
            }
            let limit = atoms.get(i + 2).map_or(s_end, |c| c.start);
            if let Some((_, name_end)) = self
                .capture_name(b.end, s_end, limit)
                .filter(|(s, _)| self.adjacent(b.end, *s))
            {
                let actor = self.unknown_person(code, role, a.start, name_end);
                out.push(self.draft(
                    a.start,
                    name_end,
                    si,
                    MentionKind::Person,
                    actor,
                    format!("title:{} + unknown name, country {code}", role.phrase),
                    0.7,
                ));
                return 2;
            }
        }
        let (country_name, kind) = match a.primary() {
            Target::Demonym(_) | Target::DemonymPlural(_) => (
                self.lex.country_name(code).unwrap_or(code),
                MentionKind::Demonym,
            ),
            _ => (
                self.lex.country_name(code).unwrap_or(code),
                MentionKind::Role,
            ),
        };
        let end = if role.kind == RoleKind::Institution {
            self.extend_of_phrase(b.end)
        } else {
            b.end
        };
        let actor = Actor {
            name: format!("{country_name} {}", role.phrase),
            country: Some(code.to_string()),
            sectors: Self::role_sectors(role),
            ..Default::default()
        };
        let mut d = self.draft(
            a.start,
            end,
            si,
            kind,
            actor,
            format!(
                "{}:{code} + role:{} [{}:{}]",
                kind_name(a.primary()),
                role.phrase,
                role.origin.file,
                role.origin.line
            ),
            0.85,
        );
        if role.kind == RoleKind::Title && !plural {
            d.hint = Hint::TitleOnly {
                title: role.phrase.clone(),
                country: Some(code.to_string()),
            };
        }
        let _ = r;
        out.push(d);
        2
    }

    fn unknown_person(&self, code: &str, role: &RoleWord, start: usize, end: usize) -> Actor {
        let text = self.text.get(start..end).unwrap_or("");
        let name = text
            .rsplit(role.phrase.as_str())
            .next()
            .unwrap_or(text)
            .trim();
        Actor {
            name: if name.is_empty() {
                text.to_string()
            } else {
                name.to_string()
            },
            country: if code.is_empty() {
                None
            } else {
                Some(code.to_string())
            },
            sectors: role.sectors.clone(),
            role: Some(role.phrase.clone()),
            ..Default::default()
        }
    }

    fn role_led(
        &self,
        si: usize,
        s_start: usize,
        s_end: usize,
        atoms: &[Atom],
        i: usize,
        out: &mut Vec<Draft>,
    ) -> usize {
        let Some(a) = atoms.get(i) else { return 1 };
        let Some((r, plural)) = role_target(a.primary()) else {
            return 1;
        };
        let Some(role) = self.role(r) else { return 1 };
        if role.kind == RoleKind::Place {
            return 1;
        }
        let next = atoms.get(i + 1);
        // Title + name: "President Vladimir Putin", "Foreign Minister Park Jin".
        if role.kind == RoleKind::Title && !plural {
            if let Some(b) = next.filter(|b| self.adjacent(a.end, b.start)) {
                match b.primary() {
                    Target::Person(p) => {
                        let (end, extra) = self.extend_of_country(b.end, atoms, i + 2);
                        out.push(self.titled_person_draft(p, a.start, end, si, Some(role)));
                        return 2 + extra;
                    }
                    Target::Surname(g) => {
                        out.push(self.surname_draft(
                            g,
                            a.start,
                            b.end,
                            si,
                            None,
                            Some(role.phrase.clone()),
                        ));
                        return 2;
                    }
                    _ => {}
                }
            }
            let limit = next.map_or(s_end, |b| b.start);
            if let Some((ns, ne)) = self.capture_name(a.end, s_end, limit) {
                if self.adjacent(a.end, ns)
                    && is_capitalized(self.text.get(a.start..a.end).unwrap_or(""))
                {
                    let (country, extra, end) = match atoms.get(i + 1) {
                        Some(b)
                            if matches!(b.primary(), Target::Country(_))
                                && self.of_link(ne, b.start, false) =>
                        {
                            (self.atom_country(b), 1, b.end)
                        }
                        _ => (self.dateline_country.clone(), 0, ne),
                    };
                    let actor =
                        self.unknown_person(country.as_deref().unwrap_or(""), role, a.start, ne);
                    out.push(self.draft(
                        a.start,
                        end,
                        si,
                        MentionKind::Person,
                        actor,
                        format!("title:{} + unknown name", role.phrase),
                        0.6,
                    ));
                    return 1 + extra;
                }
            }
        }
        // Role + of/for/in/from + country, capital, seat or organisation.
        if let Some(b) = next {
            if self.of_link(a.end, b.start, role.kind == RoleKind::Group) {
                match b.primary() {
                    Target::Country(_) | Target::Capital(_) => {
                        let actor = Actor {
                            name: format!(
                                "{} of {}",
                                role.phrase,
                                self.text.get(b.start..b.end).unwrap_or("")
                            ),
                            country: self.atom_country(b),
                            sectors: role.sectors.clone(),
                            ..Default::default()
                        };
                        out.push(self.draft(
                            a.start,
                            b.end,
                            si,
                            MentionKind::Role,
                            actor,
                            format!("role:{} + of + place", role.phrase),
                            0.85,
                        ));
                        return 2;
                    }
                    Target::Org(o) | Target::Seat(o) => {
                        let (country, org, mut sectors, name) = match b.primary() {
                            Target::Org(_) => match self.lex.k.orgs.get(o) {
                                Some(x) => (
                                    x.country.clone(),
                                    Some(x.id.clone()),
                                    x.sectors.clone(),
                                    x.name.clone(),
                                ),
                                None => return 1,
                            },
                            _ => match self.lex.k.seats.get(o) {
                                Some(x) => (
                                    Some(x.country.clone()),
                                    None,
                                    x.sectors.clone(),
                                    x.name.clone(),
                                ),
                                None => return 1,
                            },
                        };
                        for s in &role.sectors {
                            if !sectors.contains(s) && s != "GOV" {
                                sectors.push(s.clone());
                            }
                        }
                        let actor = Actor {
                            name: format!("{} of {name}", role.phrase),
                            country,
                            sectors,
                            org,
                            ..Default::default()
                        };
                        out.push(self.draft(
                            a.start,
                            b.end,
                            si,
                            MentionKind::Role,
                            actor,
                            format!("role:{} + of + org", role.phrase),
                            0.85,
                        ));
                        return 2;
                    }
                    _ => {}
                }
            }
        }
        // "the two leaders"
        let prev = prev_word(self.text, a.start, s_start).map(|w| self.word(w).to_lowercase());
        let last_word = role.phrase.rsplit(' ').next().unwrap_or("");
        if plural
            && matches!(prev.as_deref(), Some("two" | "both"))
            && PAIR_HEADS.iter().any(|h| h.starts_with(last_word))
        {
            let start = prev_word(self.text, a.start, s_start).map_or(a.start, |w| w.start);
            let mut d = self.draft(
                start,
                a.end,
                si,
                MentionKind::Coreference,
                Actor::default(),
                format!("pair:{}", role.phrase),
                0.7,
            );
            d.hint = Hint::Pair;
            out.push(d);
            return 1;
        }
        let end = if role.kind == RoleKind::Institution || role.kind == RoleKind::Group {
            self.extend_of_phrase(a.end)
        } else {
            a.end
        };
        let (country, why) = match &self.dateline_country {
            Some(c) => (Some(c.clone()), format!(", country {c} from dateline")),
            None => (None, String::new()),
        };
        let actor = Actor {
            name: role.phrase.clone(),
            country,
            sectors: role.sectors.clone(),
            ..Default::default()
        };
        let mut d = self.draft(
            a.start,
            end,
            si,
            MentionKind::Role,
            actor,
            format!(
                "role:{} [{}:{}]{why}",
                role.phrase, role.origin.file, role.origin.line
            ),
            0.6,
        );
        if role.kind == RoleKind::Title && !plural && prev.as_deref() == Some("the") {
            d.hint = Hint::TitleOnly {
                title: role.phrase.clone(),
                country: None,
            };
        }
        out.push(d);
        1
    }

    /// Country code of a country/capital/demonym atom.
    fn atom_country(&self, a: &Atom) -> Option<String> {
        match a.primary() {
            Target::Country(c)
            | Target::Capital(c)
            | Target::Demonym(c)
            | Target::DemonymPlural(c) => self.lex.k.countries.get(c).map(|x| x.code.clone()),
            Target::Seat(s) => self.lex.k.seats.get(s).map(|x| x.country.clone()),
            _ => None,
        }
    }

    fn pronouns(&self, si: usize, s_start: usize, s_end: usize, out: &mut Vec<Draft>) {
        let Some(sentence) = self.text.get(s_start..s_end) else {
            return;
        };
        let mut word_start: Option<usize> = None;
        for (i, c) in sentence
            .char_indices()
            .chain(std::iter::once((sentence.len(), ' ')))
        {
            if c.is_alphabetic() {
                if word_start.is_none() {
                    word_start = Some(i);
                }
                continue;
            }
            if let Some(ws) = word_start.take() {
                let len = i - ws;
                if (2..=7).contains(&len) {
                    let w = sentence.get(ws..i).unwrap_or("");
                    if is_in(PERSON_PRONOUNS, w) {
                        let mut d = self.draft(
                            s_start + ws,
                            s_start + i,
                            si,
                            MentionKind::Pronoun,
                            Actor::default(),
                            format!("pronoun:{}", w.to_lowercase()),
                            0.6,
                        );
                        d.hint = Hint::Pronoun;
                        out.push(d);
                    }
                }
            }
        }
    }
}

fn kind_name(t: Target) -> &'static str {
    match t {
        Target::Country(_) => "country",
        Target::Demonym(_) | Target::DemonymPlural(_) => "demonym",
        Target::Capital(_) => "capital",
        Target::Seat(_) => "seat",
        Target::Org(_) => "org",
        Target::Role(_) | Target::RolePlural(_) => "role",
        Target::Person(_) => "person",
        Target::Surname(_) => "surname",
    }
}
