//! Compounds led by a country word or a role word: "South Korean defense
//! minister Shin Won-sik", "Chile's Defense Ministry", "a former White House
//! official", "the defense minister of Chile", "Minister Juan Carlos Jobet",
//! "the two leaders". Adjacent role words join into one role chain.

use dyad_core::{Actor, MentionKind};

use crate::model::{RoleKind, RoleWord, StatelessPeople};
use crate::patterns::{Atom, Target};
use crate::recognize::{Draft, Hint, Scan};
use crate::text::{concat, is_capitalized, prev_word, push_origin};
use crate::words::{is_in, INDEFINITE, PAIR_HEADS, PAIR_PERSON_NOUNS};

/// The atoms of one sentence.
pub(crate) struct Sent<'x> {
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub atoms: &'x [Atom],
}

/// Role words whose "to" phrase names the person served ("an aide to X").
const SERVING_ROLES: &[&str] = &["aide", "adviser", "advisor", "counsellor", "counselor"];

/// A title written in the text before a name.
pub(crate) struct Title {
    pub phrase: String,
    pub sectors: Vec<String>,
}

/// Adjacent role words read as one ("opposition lawmaker", "Deputy Minister
/// of Defense Colonel-General", "police officers").
struct Chain<'a> {
    /// Index of the atom after the chain.
    next: usize,
    end: usize,
    head: &'a RoleWord,
    plural: bool,
    sectors: &'a [String],
    phrase: String,
    /// The head is a generic person noun ("official", "spokesman").
    generic_head: bool,
}

impl Chain<'_> {
    fn title(&self) -> Title {
        Title {
            phrase: self.phrase.clone(),
            sectors: self.sectors.to_vec(),
        }
    }
}

/// What a country-led compound is anchored on (borrowed from the lexicon:
/// most country words turn out to be places, so nothing is copied or
/// formatted until a mention is made).
struct Anchor<'a> {
    code: &'a str,
    name: &'a str,
    kind: MentionKind,
    /// Sectors of a seat of power ("Pentagon" → MIL).
    seat_sectors: &'a [String],
    /// The reading the anchor comes from (for [`Scan::anchor_rule`]).
    target: Target,
}

fn role_reading(a: &Atom) -> Option<(usize, bool)> {
    a.targets().iter().find_map(|t| match t {
        Target::Role(r) => Some((*r, false)),
        Target::RolePlural(r) => Some((*r, true)),
        _ => None,
    })
}

impl<'a> Scan<'a> {
    /// The role chain starting at atom `i` (which must have a role reading).
    fn chain(&self, s: &Sent, i: usize) -> Option<Chain<'a>> {
        let first = s.atoms.get(i)?;
        let (r, mut plural) = role_reading(first)?;
        let first_role = self.role(r)?;
        // Only the first role, the head, the count, whether all are titles
        // and the last non-generic role matter: no list of roles is kept.
        let is_generic = |r: usize| self.lex.generic_roles.get(r).copied().unwrap_or(false);
        let mut head = first_role;
        let mut head_index = r;
        let mut count = 1usize;
        let mut all_titles = first_role.kind == RoleKind::Title;
        let mut last_specific = (!is_generic(r)).then_some(first_role);
        let mut phrase = first_role.phrase.clone();
        let mut end = first.end;
        let mut next = i + 1;
        if !first_role.kind.names_no_actor() {
            while let Some(b) = s.atoms.get(next) {
                let joined = self
                    .text
                    .get(end..b.start)
                    .is_some_and(|g| g.trim().is_empty() || g == "-");
                let Some((r2, p2)) = role_reading(b).filter(|_| joined) else {
                    break;
                };
                let Some(role2) = self.role(r2).filter(|x| !x.kind.names_no_actor()) else {
                    break;
                };
                if matches!(b.primary(), Target::Person(_) | Target::Surname(_)) {
                    break;
                }
                head = role2;
                head_index = r2;
                count += 1;
                all_titles &= role2.kind == RoleKind::Title;
                if !is_generic(r2) {
                    last_specific = Some(role2);
                }
                phrase.push(' ');
                phrase.push_str(&role2.phrase);
                plural = p2;
                end = b.end;
                next += 1;
            }
        }
        let generic_head = is_generic(head_index);
        // "opposition delegation", "rebel leadership": a governmental-sounding
        // group or office of a non-state body is that body's
        let head_primary = head.sectors.first().map(String::as_str);
        let first_primary = first_role.sectors.first().map(String::as_str);
        let non_state_owner = count > 1
            && head_primary == Some("GOV")
            && matches!(
                first_primary,
                Some("OPP" | "REB" | "PTY" | "NGO" | "UAF" | "PRM" | "REL" | "LAB" | "BUS" | "JRN")
            );
        let sectors: &'a [String] = if (count > 1 && all_titles) || non_state_owner {
            &first_role.sectors
        } else if generic_head && count > 1 {
            last_specific.map_or(&head.sectors, |r| &r.sectors)
        } else {
            &head.sectors
        };
        Some(Chain {
            next,
            end,
            head,
            plural,
            sectors,
            phrase,
            generic_head,
        })
    }

    fn anchor(&self, a: &Atom) -> Option<Anchor<'a>> {
        let target = a.primary();
        match target {
            Target::Country(c)
            | Target::Capital(c)
            | Target::Demonym(c)
            | Target::DemonymPlural(c) => {
                let country = self.lex.k.countries.get(c)?;
                let kind = match target {
                    Target::Capital(_) => MentionKind::Capital,
                    Target::Demonym(_) | Target::DemonymPlural(_) => MentionKind::Demonym,
                    _ => MentionKind::Country,
                };
                Some(Anchor {
                    code: &country.code,
                    name: &country.name,
                    kind,
                    seat_sectors: &[],
                    target,
                })
            }
            Target::City(x) => {
                let city = self.lex.k.cities.get(x)?;
                Some(Anchor {
                    code: &city.country,
                    name: &city.name,
                    kind: MentionKind::Capital,
                    seat_sectors: &[],
                    target,
                })
            }
            Target::Seat(x) => {
                let seat = self.lex.k.seats.get(x)?;
                Some(Anchor {
                    code: &seat.country,
                    name: &seat.name,
                    kind: MentionKind::Capital,
                    seat_sectors: &seat.sectors,
                    target,
                })
            }
            _ => None,
        }
    }

    /// The rule text of an anchor ("country:RUS [countries.tsv:12]").
    fn anchor_rule(&self, anchor: &Anchor) -> String {
        let k = &self.lex.k;
        match anchor.target {
            Target::Country(c)
            | Target::Capital(c)
            | Target::Demonym(c)
            | Target::DemonymPlural(c) => {
                let label = match anchor.target {
                    Target::Capital(_) => "capital",
                    Target::Demonym(_) | Target::DemonymPlural(_) => "demonym",
                    _ => "country",
                };
                k.countries.get(c).map_or_else(String::new, |country| {
                    let mut rule = concat(&[label, ":", &country.code, " "]);
                    push_origin(&mut rule, &country.origin.file, country.origin.line);
                    rule
                })
            }
            Target::City(x) => k.cities.get(x).map_or_else(String::new, |city| {
                let mut rule = concat(&["city:", &city.name, " (", &city.country, ") "]);
                push_origin(&mut rule, &city.origin.file, city.origin.line);
                rule
            }),
            Target::Seat(x) => k.seats.get(x).map_or_else(String::new, |seat| {
                let mut rule = concat(&["seat:", &seat.phrase, " "]);
                push_origin(&mut rule, &seat.origin.file, seat.origin.line);
                rule
            }),
            _ => String::new(),
        }
    }

    /// A country, demonym, capital or seat, alone or leading a compound.
    pub(crate) fn country_led(
        &self,
        s: &Sent,
        i: usize,
        prev_atom_end: Option<usize>,
        out: &mut Vec<Draft>,
    ) -> usize {
        let Some(a) = s.atoms.get(i) else { return 1 };
        let Some(anchor) = self.anchor(a) else {
            return 1;
        };
        if a.hyphen_after {
            // "Russian-made", "U.S.-led": a modifier, not an actor; but
            // "the Israeli-Palestinian talks", "US-Turkish relations": a
            // hyphenated pair of countries modifying a noun names two sides.
            self.hyphen_pair(s, a, &anchor, out);
            return 1;
        }
        if let Some(b) = s
            .atoms
            .get(i + 1)
            .filter(|b| self.gap_ok(self.after(a), b.start))
        {
            // "Syrian Arab forces", "Iraqi Arab tribes": a bloc's demonym
            // between a country's and a role names the people's ethnicity;
            // the country's says whose they are (the role chain after it is
            // the country's, with the bloc word inside the mention)
            let bloc_between = !self.lex.is_bloc_code(anchor.code)
                && matches!(b.primary(), Target::Demonym(_))
                && !b.hyphen_after
                && self
                    .anchor(b)
                    .is_some_and(|x| self.lex.is_bloc_code(x.code));
            if bloc_between {
                let chain = s
                    .atoms
                    .get(i + 2)
                    .filter(|c| self.gap_ok(self.after(b), c.start))
                    .and_then(|_| self.chain(s, i + 2))
                    .filter(|c| {
                        matches!(
                            c.head.kind,
                            RoleKind::Group | RoleKind::Title | RoleKind::Institution
                        )
                    });
                if let Some(chain) = chain {
                    return self.country_role(s, i, &anchor, chain, out);
                }
            }
            if let Some(chain) = self.chain(s, i + 1) {
                if chain.head.kind == RoleKind::Thing {
                    // "the Russian nerve agent": a modifier of a thing.
                    return chain.next - i;
                }
                if chain.head.kind == RoleKind::Place {
                    // "the Ukrainian city of Kharkiv", "the Russian capital, Moscow"
                    return match s.atoms.get(chain.next) {
                        Some(c2)
                            if matches!(c2.primary(), Target::Capital(_) | Target::Country(_))
                                && self
                                    .text
                                    .get(chain.end..c2.start)
                                    .is_some_and(|g| matches!(g.trim(), "of" | "," | "")) =>
                        {
                            chain.next + 1 - i
                        }
                        _ => chain.next - i,
                    };
                }
                return self.country_role(s, i, &anchor, chain, out);
            }
            match b.primary() {
                Target::Person(p) => {
                    out.push(self.person_draft(p, a.start, b.end, s.index));
                    return 2;
                }
                Target::Surname(g) => {
                    out.push(self.surname_draft(
                        g,
                        a.start,
                        b.end,
                        s.index,
                        Some(anchor.code.to_string()),
                        None,
                    ));
                    return 2;
                }
                Target::Org(o) => {
                    if let Some(org) = self.lex.k.orgs.get(o) {
                        let transnational =
                            matches!(org.sectors.first().map(String::as_str), Some("IGO" | "NGO"));
                        if !transnational || org.country.as_deref() == Some(anchor.code) {
                            // "Germany's Foreign Office": the country's own institution.
                            let actor = Actor {
                                name: if org.country.as_deref() == Some(anchor.code) {
                                    org.name.clone()
                                } else {
                                    format!("{} {}", anchor.name, org.name)
                                },
                                country: Some(anchor.code.to_string()),
                                sectors: org.sectors.clone(),
                                org: (org.country.as_deref() == Some(anchor.code))
                                    .then(|| org.id.clone()),
                                ..Default::default()
                            };
                            let rule = format!(
                                "{} + org:{} [{}:{}]",
                                self.anchor_rule(&anchor),
                                org.id,
                                org.origin.file,
                                org.origin.line
                            );
                            out.push(self.draft(
                                a.start,
                                b.end,
                                s.index,
                                MentionKind::Organization,
                                actor,
                                rule,
                                0.85,
                            ));
                            return 2;
                        }
                    }
                }
                _ => {}
            }
        }
        if let Some(d) = self.shared_role(s, i, &anchor) {
            out.push(d);
            return 1;
        }
        if matches!(a.primary(), Target::City(_)) {
            // A city alone is a location (dyad-geo's business), not an actor.
            return 1;
        }
        let possessive_end = a.possessive.then(|| self.after(a));
        let country_only = matches!(a.primary(), Target::Country(_));
        if self.place_context_of(
            s.start,
            a.start,
            prev_atom_end,
            possessive_end,
            country_only,
            a.end,
        ) {
            return 1;
        }
        let mut actor = Actor {
            name: anchor.name.to_string(),
            country: Some(anchor.code.to_string()),
            ..Default::default()
        };
        let conf = match (a.primary(), anchor.kind) {
            (Target::Seat(_), _) => {
                actor.sectors = anchor.seat_sectors.to_vec();
                0.9
            }
            (_, MentionKind::Capital) => {
                actor.sectors = vec!["GOV".to_string()];
                0.8
            }
            (Target::DemonymPlural(_), _) => 0.7,
            (_, MentionKind::Demonym) => 0.5,
            _ => 0.9,
        };
        out.push(self.draft(
            a.start,
            a.end,
            s.index,
            anchor.kind,
            actor,
            self.anchor_rule(&anchor),
            conf,
        ));
        1
    }

    /// "Russian and Syrian forces", "US, British and French troops": a
    /// demonym coordinated with later demonyms shares their plural group
    /// noun, so "Russian" here is Russian forces, not Russia at large. The
    /// draft spans the demonym only (the last demonym and the noun are
    /// their own mention).
    fn shared_role(&self, s: &Sent, i: usize, anchor: &Anchor) -> Option<Draft> {
        let a = s.atoms.get(i)?;
        // a demonym, or a country's initials used as one ("US and British
        // troops")
        let initials = |x: &Atom| {
            matches!(x.primary(), Target::Country(_))
                && self
                    .text
                    .get(x.start..x.end)
                    .is_some_and(|w| w.len() <= 3 && w.chars().all(|c| c.is_ascii_uppercase()))
        };
        if !(matches!(a.primary(), Target::Demonym(_)) || initials(a)) || a.possessive {
            return None;
        }
        let mut end = a.end;
        for j in i + 1..(i + 5).min(s.atoms.len()) {
            let b = s.atoms.get(j)?;
            let gap = self.text.get(end..b.start)?.trim();
            if !matches!(gap, "and" | "," | ", and" | "or") {
                return None;
            }
            if !matches!(b.primary(), Target::Demonym(_)) || b.hyphen_after {
                return None;
            }
            let next_is_role = s
                .atoms
                .get(j + 1)
                .is_some_and(|c| self.gap_ok(self.after(b), c.start));
            if let Some(chain) = next_is_role.then(|| self.chain(s, j + 1)).flatten() {
                // a plural group noun ("forces", "jets") or title ("the
                // Russian and Turkish presidents": one each; "the Russian
                // and Syrian leader" is one person)
                let plural =
                    chain.plural || self.text.get(..chain.end).is_some_and(|t| t.ends_with('s'));
                if !matches!(chain.head.kind, RoleKind::Group | RoleKind::Title) || !plural {
                    return None;
                }
                let actor = Actor {
                    name: concat(&[anchor.name, " ", &chain.phrase]),
                    country: Some(anchor.code.to_string()),
                    sectors: chain.sectors.to_vec(),
                    ..Default::default()
                };
                let mut rule = concat(&[
                    &self.anchor_rule(anchor),
                    " + role:",
                    &chain.phrase,
                    " shared with the demonyms after it ",
                ]);
                push_origin(&mut rule, &chain.head.origin.file, chain.head.origin.line);
                return Some(self.draft(
                    a.start,
                    a.end,
                    s.index,
                    MentionKind::Demonym,
                    actor,
                    rule,
                    0.8,
                ));
            }
            end = b.end;
        }
        None
    }

    /// Whether the word before `start` is the adjective of a people
    /// without a state ("Kurdish", `peoples.tsv`).
    fn after_people_adjective(&self, s: &Sent, start: usize) -> Option<&'a StatelessPeople> {
        let w = self.word(prev_word(self.text, start, s.start)?);
        // "Kurdish-led militias" as "Kurdish militias"
        let w = w
            .strip_suffix("-led")
            .or_else(|| w.strip_suffix("-dominated"))
            .unwrap_or(w);
        self.lex
            .k
            .peoples
            .iter()
            .find(|p| p.adjective.eq_ignore_ascii_case(w))
    }

    /// Whether a people's adjective ("Kurdish", or "Kurdish-led") stands
    /// between a country word ending at `from` and its role ending at `to`
    /// ("Syrian Kurdish forces").
    fn people_adjective_within(&self, from: usize, to: usize) -> Option<&'a StatelessPeople> {
        let between = self.text.get(from..to).unwrap_or("");
        between.split_whitespace().find_map(|w| {
            let w = w
                .strip_suffix("-led")
                .or_else(|| w.strip_suffix("-dominated"))
                .unwrap_or(w);
            self.lex
                .k
                .peoples
                .iter()
                .find(|p| p.adjective.eq_ignore_ascii_case(w))
        })
    }

    /// Country word + role chain (+ name).
    fn country_role(
        &self,
        s: &Sent,
        i: usize,
        anchor: &Anchor<'a>,
        chain: Chain,
        out: &mut Vec<Draft>,
    ) -> usize {
        let Some(a) = s.atoms.get(i) else { return 1 };
        let head = chain.head;
        if head.kind == RoleKind::Title && !chain.plural {
            if let Some(c) = s
                .atoms
                .get(chain.next)
                .filter(|c| self.adjacent(chain.end, c.start))
            {
                match c.primary() {
                    Target::Person(p) => {
                        let (end, extra) = self.extend_of_country(c.end, s.atoms, chain.next + 1);
                        out.push(self.titled_person_draft(
                            p,
                            a.start,
                            end,
                            s.index,
                            Some(&chain.title()),
                        ));
                        return chain.next + 1 + extra - i;
                    }
                    Target::Surname(g) => {
                        out.push(self.surname_draft(
                            g,
                            a.start,
                            c.end,
                            s.index,
                            Some(anchor.code.to_string()),
                            Some(head.phrase.clone()),
                        ));
                        return chain.next + 1 - i;
                    }
                    _ => {}
                }
            }
            let limit = s.atoms.get(chain.next).map_or(s.end, |c| c.start);
            if let Some((ns, name_end)) = self.capture_name(chain.end, s.end, limit) {
                if self.adjacent(chain.end, ns) {
                    let actor = self.unknown_person(Some(anchor.code), &chain, ns, name_end);
                    let rule = format!(
                        "{} + title:{} + unknown name",
                        self.anchor_rule(anchor),
                        chain.phrase
                    );
                    out.push(self.draft(
                        a.start,
                        name_end,
                        s.index,
                        MentionKind::Person,
                        actor,
                        rule,
                        0.7,
                    ));
                    return chain.next - i;
                }
            }
        }
        let end = if head.kind == RoleKind::Title {
            chain.end
        } else {
            self.extend_of_phrase(
                chain.end,
                s.atoms.get(chain.next).map_or(usize::MAX, |x| x.start),
            )
        };
        let mut sectors = if chain.generic_head && !anchor.seat_sectors.is_empty() {
            anchor.seat_sectors.to_vec()
        } else {
            chain.sectors.to_vec()
        };
        // "Kurdish Syrian forces": a stateless people's armed force inside a
        // state is a non-state armed group of that state
        // ("Syrian Kurdish forces", "Syrian Kurdish-led forces": the
        // people's adjective inside the chain)
        // (not where the people governs its own region: "Iraqi Kurdish
        // forces" are the Kurdistan Region's, `self_rule`)
        let stateless = self
            .after_people_adjective(s, a.start)
            .or_else(|| self.people_adjective_within(a.end, chain.end))
            .is_some_and(|p| !p.self_rule.iter().any(|c| c == anchor.code))
            && sectors.first().is_some_and(|x| {
                x == "MIL" || x == "PRM" || (x == "GOV" && head.kind == RoleKind::Group)
            });
        // ("Syrian Kurdish authorities": its administration too, not its
        // titles — "a Turkish Kurdish mayor" holds a state office)
        let governing = stateless && sectors.first().is_some_and(|x| x == "GOV");
        if stateless {
            sectors[0] = "REB".to_string();
        }
        // "the opposition Syrian National Commission", "the rebel Syrian
        // Salvation Government": a non-state body's word right before a
        // country-led governmental group says whose group it is
        let non_state_owner = (matches!(head.kind, RoleKind::Group | RoleKind::Institution)
            && sectors.first().is_some_and(|x| x == "GOV"))
        .then(|| i.checked_sub(1).and_then(|p| s.atoms.get(p)))
        .flatten()
        .filter(|p| self.adjacent(p.end, a.start))
        .and_then(role_reading)
        .and_then(|(r, _)| self.role(r))
        .and_then(|r| r.sectors.first())
        .filter(|x| matches!(x.as_str(), "OPP" | "REB"))
        .cloned();
        if let Some(owner) = &non_state_owner {
            sectors[0] = owner.clone();
        }
        let kind = if anchor.kind == MentionKind::Demonym {
            MentionKind::Demonym
        } else {
            MentionKind::Role
        };
        let actor = Actor {
            name: concat(&[anchor.name, " ", &chain.phrase]),
            country: Some(anchor.code.to_string()),
            sectors,
            ..Default::default()
        };
        let mut rule = concat(&[&self.anchor_rule(anchor), " + role:", &chain.phrase, " "]);
        push_origin(&mut rule, &head.origin.file, head.origin.line);
        if governing {
            rule.push_str(" + REB: the administration of a people without a state");
        } else if stateless {
            rule.push_str(" + REB: the armed force of a people without a state");
        }
        if let Some(owner) = &non_state_owner {
            rule.push_str(" + ");
            rule.push_str(owner);
            rule.push_str(": the group of the non-state body named before it");
        }
        let mut d = self.draft(a.start, end, s.index, kind, actor, rule, 0.85);
        // "the Russian president" / "Russia's president" is one person; "a
        // Syrian commander" is anyone.
        let indefinite =
            prev_word(self.text, a.start, s.start).is_some_and(|w| is_in(INDEFINITE, self.word(w)));
        if head.kind == RoleKind::Title && !chain.plural && !indefinite {
            d.hint = Hint::TitleOnly {
                title: head.phrase.clone(),
                country: Some(anchor.code.to_string()),
            };
        }
        out.push(d);
        chain.next - i
    }

    fn unknown_person(
        &self,
        country: Option<&str>,
        chain: &Chain,
        name_start: usize,
        name_end: usize,
    ) -> Actor {
        Actor {
            name: self
                .text
                .get(name_start..name_end)
                .unwrap_or("")
                .to_string(),
            country: country.map(str::to_string),
            sectors: chain.sectors.to_vec(),
            role: Some(chain.phrase.clone()),
            ..Default::default()
        }
    }

    /// A role word alone or leading: title + name, role + of + country/org,
    /// "the two leaders", or a bare role.
    pub(crate) fn role_led(&self, s: &Sent, i: usize, out: &mut Vec<Draft>) -> usize {
        let Some(a) = s.atoms.get(i) else { return 1 };
        let Some(chain) = self.chain(s, i) else {
            return 1;
        };
        let used = chain.next - i;
        let head = chain.head;
        if head.kind.names_no_actor() {
            return used;
        }
        let next = s.atoms.get(chain.next);
        if head.kind == RoleKind::Title && !chain.plural {
            if let Some(b) = next.filter(|b| self.adjacent_or_comma(chain.end, b.start)) {
                match b.primary() {
                    Target::Person(p) => {
                        let (end, extra) = self.extend_of_country(b.end, s.atoms, chain.next + 1);
                        out.push(self.titled_person_draft(
                            p,
                            a.start,
                            end,
                            s.index,
                            Some(&chain.title()),
                        ));
                        return used + 1 + extra;
                    }
                    Target::Surname(g) => {
                        out.push(self.surname_draft(
                            g,
                            a.start,
                            b.end,
                            s.index,
                            None,
                            Some(head.phrase.clone()),
                        ));
                        return used + 1;
                    }
                    _ => {}
                }
            }
            let limit = next.map_or(s.end, |b| b.start);
            let title_capitalized = is_capitalized(self.text.get(a.start..a.end).unwrap_or(""));
            if let Some((ns, ne)) = self
                .capture_name(chain.end, s.end, limit)
                .filter(|(ns, _)| title_capitalized && self.adjacent(chain.end, *ns))
            {
                let (country, extra, end) = match next {
                    Some(b)
                        if matches!(b.primary(), Target::Country(_))
                            && self.of_link(ne, b.start, false) =>
                    {
                        (self.atom_country(b), 1, b.end)
                    }
                    _ => (self.dateline_country.clone(), 0, ne),
                };
                let actor = self.unknown_person(country.as_deref(), &chain, ns, ne);
                let rule = format!("title:{} + unknown name", chain.phrase);
                out.push(self.draft(a.start, end, s.index, MentionKind::Person, actor, rule, 0.6));
                return used + extra;
            }
        }
        // "withdraw (its) troops from Syria": after a verb of moving away,
        // "from"/"in" says where the troops are, not whose they are
        let located = head.kind == RoleKind::Group && self.after_removal_verb(s.start, a.start);
        // "an aide to Putin": a role that serves someone names him with
        // "to" (read for a person only: "an adviser to Iraq" may be anyone's)
        let serving_to = |b: &Atom| {
            is_in(SERVING_ROLES, head.phrase.rsplit(' ').next().unwrap_or(""))
                && self.text.get(chain.end..b.start).is_some_and(|g| {
                    let g = g.trim();
                    g.eq_ignore_ascii_case("to") || g.eq_ignore_ascii_case("to the")
                })
        };
        if let Some(b) = next.filter(|b| {
            self.of_link(chain.end, b.start, head.kind == RoleKind::Group && !located)
                || serving_to(b)
        }) {
            let to_link = serving_to(b);
            // "a spokesman for President Macron", "an aide of Erdogan": a
            // person named with a title, or by a surname one person of the
            // lexicon holds an office under, is the person served (the
            // last atom read and its end)
            let mut last = chain.next;
            let mut b_end = b.end;
            let served = match b.primary() {
                Target::Person(p) => Some(p),
                Target::Surname(g) => self.surname_in_office(g),
                _ => self
                    .chain(s, chain.next)
                    .filter(|t| t.head.kind == RoleKind::Title && !t.plural)
                    .and_then(|t| {
                        let c = s
                            .atoms
                            .get(t.next)
                            .filter(|c| self.adjacent(t.end, c.start))?;
                        let p = match c.primary() {
                            Target::Person(p) => Some(p),
                            Target::Surname(g) => self.surname_in_office(g),
                            _ => None,
                        }?;
                        last = t.next;
                        b_end = c.end;
                        Some(p)
                    }),
            };
            // "an adviser to the UN envoy", "an aide to the Red Cross
            // president": an organisation's titled official served gives
            // the organisation (a country's "to" stays unread: "an adviser
            // to the Iraqi president" may be a foreigner)
            let official = (to_link && served.is_none())
                .then(|| {
                    let Target::Org(o) = b.primary() else {
                        return None;
                    };
                    let t = self
                        .chain(s, chain.next + 1)
                        .filter(|t| t.head.kind == RoleKind::Title && !t.plural)?;
                    let first = s.atoms.get(chain.next + 1)?;
                    self.adjacent(b.end, first.start)
                        .then_some((o, t.next, t.end))
                })
                .flatten();
            if let Some((_, t_next, t_end)) = official {
                last = t_next - 1;
                b_end = t_end;
            }
            let linked = match b.primary() {
                _ if to_link && served.is_none() && official.is_none() => None,
                _ if served.is_some() => served.map(|p| {
                    let (pa, _) = self.person_actor(p);
                    (pa.country, None, chain.sectors.to_vec(), pa.name)
                }),
                Target::Country(_) | Target::Capital(_) | Target::Demonym(_) | Target::City(_) => {
                    Some((
                        self.atom_country(b),
                        None,
                        chain.sectors.to_vec(),
                        self.text.get(b.start..b.end).unwrap_or("").to_string(),
                    ))
                }
                Target::Person(p) => {
                    let (pa, _) = self.person_actor(p);
                    Some((pa.country, None, chain.sectors.to_vec(), pa.name))
                }
                Target::Org(o) => self.lex.k.orgs.get(o).map(|x| {
                    (
                        x.country.clone(),
                        Some(x.id.clone()),
                        merge(&x.sectors, chain.sectors),
                        x.name.clone(),
                    )
                }),
                Target::Seat(o) => self.lex.k.seats.get(o).map(|x| {
                    (
                        Some(x.country.clone()),
                        None,
                        merge(&x.sectors, chain.sectors),
                        x.name.clone(),
                    )
                }),
                _ => None,
            };
            if let Some((country, org, mut sectors, name)) = linked {
                // "Kurdish forces in Afrin": a people without a state has no
                // state army; its armed force is a non-state armed group
                let people_before = self
                    .after_people_adjective(s, a.start)
                    .is_some_and(|p| country.as_ref().is_none_or(|c| !p.self_rule.contains(c)));
                // (its administration too: "Kurdish authorities in Syria")
                let governing = sectors
                    .first()
                    .is_some_and(|x| x == "GOV" && chain.head.kind == RoleKind::Group);
                let stateless = people_before
                    && org.is_none()
                    && (governing || sectors.first().is_some_and(|x| x == "MIL" || x == "PRM"));
                let governing = stateless && governing;
                if stateless {
                    sectors[0] = "REB".to_string();
                }
                let actor = Actor {
                    name: format!("{} of {name}", chain.phrase),
                    country,
                    sectors,
                    org,
                    ..Default::default()
                };
                let mut rule = format!("role:{} + of + {name}", chain.phrase);
                if governing {
                    rule.push_str(" + REB: the administration of a people without a state");
                } else if stateless {
                    rule.push_str(" + REB: the armed force of a people without a state");
                }
                out.push(self.draft(
                    a.start,
                    b_end,
                    s.index,
                    MentionKind::Role,
                    actor,
                    rule,
                    0.85,
                ));
                return last + 1 - i;
            }
        }
        if let Some(d) = self.legislators_of_party(s, i, &chain) {
            out.push(d);
            return used + 1;
        }
        let prev_w = prev_word(self.text, a.start, s.start);
        let prev = prev_w.map(|w| self.word(w));
        let prev_is = |x: &str| prev.is_some_and(|p| p.eq_ignore_ascii_case(x));
        let last_word = head.phrase.rsplit(' ').next().unwrap_or("");
        let pair_start = prev_w.map_or(a.start, |w| w.start);
        // (not "two leaders of the SDF": the "of" phrase says whose they
        // are, and an indefinite "two leaders" are no two already named)
        let of_follows = crate::text::next_word(self.text, chain.end, s.end)
            .is_some_and(|w| self.word(w).eq_ignore_ascii_case("of"));
        let definite = prev_is("both")
            || prev_w
                .and_then(|w| prev_word(self.text, w.start, s.start))
                .is_some_and(|w| {
                    let w = self.word(w);
                    w.eq_ignore_ascii_case("the") || w.eq_ignore_ascii_case("these")
                });
        if chain.plural
            && (prev_is("two") || prev_is("both"))
            && definite
            && !of_follows
            && PAIR_HEADS.iter().any(|h| h.starts_with(last_word))
        {
            out.push(self.pair_draft(pair_start, &chain, s.index, None));
            return used;
        }
        // "the two men", "both men": the two persons last mentioned, else
        // (no two persons yet) the ordinary role mention.
        let definite_pair = || {
            prev_is("both")
                || (prev_is("two")
                    && prev_w
                        .and_then(|w| prev_word(self.text, w.start, s.start))
                        .is_some_and(|w| self.word(w).eq_ignore_ascii_case("the")))
        };
        let written_head = || prev_word(self.text, chain.end, a.start).map_or("", |w| self.word(w));
        if chain.plural
            && definite_pair()
            && !of_follows
            && is_in(PAIR_PERSON_NOUNS, written_head())
        {
            let fallback = self.bare_role(s, i, &chain, false).map(Box::new);
            out.push(self.pair_draft(pair_start, &chain, s.index, fallback));
            return used;
        }
        if let Some(d) = self.bare_role(s, i, &chain, prev_is("the")) {
            out.push(d);
        }
        used
    }

    /// "Senate Republicans", "Congressional Democrats": a legislature (a
    /// role word whose primary sector is LEG, not a title) right before a
    /// party names the party's legislators: the party's country and
    /// organisation, LEG first.
    fn legislators_of_party(&self, s: &Sent, i: usize, chain: &Chain) -> Option<Draft> {
        let a = s.atoms.get(i)?;
        let head = chain.head;
        if head.kind == RoleKind::Title || head.sectors.first().is_none_or(|x| x != "LEG") {
            return None;
        }
        let b = s
            .atoms
            .get(chain.next)
            .filter(|b| self.adjacent(chain.end, b.start))?;
        let Target::Org(o) = b.primary() else {
            return None;
        };
        let party = self
            .lex
            .k
            .orgs
            .get(o)
            .filter(|x| x.sectors.first().is_some_and(|x| x == "PTY"))?;
        let actor = Actor {
            name: format!("{} {}", chain.phrase, party.name),
            country: party.country.clone(),
            sectors: merge(&["LEG".to_string()], &party.sectors),
            org: Some(party.id.clone()),
            ..Default::default()
        };
        let rule = format!(
            "role:{} + party {}: its legislators",
            chain.phrase, party.id
        );
        Some(self.draft(
            a.start,
            b.end,
            s.index,
            MentionKind::Organization,
            actor,
            rule,
            0.85,
        ))
    }

    /// "the two leaders": a mention of the last two persons (see `coref`).
    fn pair_draft(
        &self,
        start: usize,
        chain: &Chain,
        sentence: usize,
        fallback: Option<Box<Draft>>,
    ) -> Draft {
        let mut d = self.draft(
            start,
            chain.end,
            sentence,
            MentionKind::Coreference,
            Actor::default(),
            concat(&["pair:", &chain.phrase]),
            0.7,
        );
        d.hint = Hint::Pair { fallback };
        d
    }

    /// A role chain on its own ("officials", "the minister"), or nothing
    /// when it modifies the next word ("official visit").
    fn bare_role(&self, s: &Sent, i: usize, chain: &Chain, after_the: bool) -> Option<Draft> {
        let a = s.atoms.get(i)?;
        let head = chain.head;
        // a lone role word the tagger took for an adjective modifies the
        // next noun ("military drills"); a role phrase of several words
        // ("Rebel groups", "Security forces" opening a sentence) is a noun
        // phrase however its first word was tagged
        let one_word = self
            .text
            .get(a.start..a.end)
            .is_some_and(|t| !t.contains(char::is_whitespace));
        if chain.next == i + 1 && one_word && self.adjectives.binary_search(&a.start).is_ok() {
            let next_lower = crate::text::next_word(self.text, chain.end, s.end)
                .map(|w| self.word(w))
                .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
            if next_lower {
                return None;
            }
        }
        let end = if head.kind == RoleKind::Title {
            chain.end
        } else {
            self.extend_of_phrase(
                chain.end,
                s.atoms.get(chain.next).map_or(usize::MAX, |x| x.start),
            )
        };
        let leader = self.against_or_for_leader(s, a.start, chain);
        let (country, why) = match (&leader, &self.dateline_country) {
            (Some((c, w)), _) => (
                Some(c.clone()),
                concat(&[", country ", c, " of the leader in '", w, "'"]),
            ),
            (None, Some(c)) => (
                Some(c.clone()),
                concat(&[", country ", c, " from dateline"]),
            ),
            (None, None) => (None, String::new()),
        };
        // forces against a leader are rebels, a leader's own irregulars his
        // militia: "anti-Assad forces" are not the Syrian army
        let mut sectors = chain.sectors.to_vec();
        if let Some((_, w)) = &leader {
            let against = w.to_ascii_lowercase().starts_with("anti-");
            if let Some(first) = sectors.first_mut() {
                match first.as_str() {
                    "MIL" | "UAF" | "PRM" if against => *first = "REB".to_string(),
                    "MIL" | "UAF" | "REB" if !against => *first = "PRM".to_string(),
                    _ => {}
                }
            }
        }
        let actor = Actor {
            name: chain.phrase.clone(),
            country,
            sectors,
            ..Default::default()
        };
        let mut rule = concat(&["role:", &chain.phrase, " "]);
        push_origin(&mut rule, &head.origin.file, head.origin.line);
        rule.push_str(&why);
        let mut d = self.draft(a.start, end, s.index, MentionKind::Role, actor, rule, 0.6);
        if head.kind == RoleKind::Title && !chain.plural && after_the {
            d.hint = Hint::TitleOnly {
                title: head.phrase.clone(),
                country: None,
            };
        }
        Some(d)
    }

    /// "anti-Assad rebels", "pro-Maduro militias", "the anti-Putin
    /// opposition": an armed or political group named by the leader it
    /// fights or serves is of that leader's country (the leader must hold
    /// a governing office on the date; a country or demonym after "anti-"
    /// says nothing: "anti-American protesters" are seldom American).
    /// Returns the country and the word.
    fn against_or_for_leader(
        &self,
        s: &Sent,
        start: usize,
        chain: &Chain,
    ) -> Option<(String, &'a str)> {
        let armed_or_political = chain
            .sectors
            .first()
            .is_some_and(|x| matches!(x.as_str(), "REB" | "OPP" | "PRM" | "INS" | "MIL" | "UAF"));
        if !armed_or_political {
            return None;
        }
        let w = self.word(prev_word(self.text, start, s.start)?);
        let name = w
            .strip_prefix("anti-")
            .or_else(|| w.strip_prefix("pro-"))
            .or_else(|| w.strip_prefix("Anti-"))
            .or_else(|| w.strip_prefix("Pro-"))?;
        let atoms = self.lex.patterns.atoms(name);
        let atom = atoms
            .first()
            .filter(|x| x.start == 0 && x.end == name.len())?;
        let members: Vec<usize> = match atom.primary() {
            Target::Person(p) => vec![p],
            Target::Surname(g) => self.lex.patterns.surnames.get(g)?.1.clone(),
            _ => return None,
        };
        let country = members.iter().find_map(|&pi| {
            let p = self.lex.k.people.get(pi)?;
            let (r, status) = crate::person::role_at(p, self.date)?;
            (status == crate::person::RoleStatus::Current
                && r.sectors.first().is_some_and(|x| x == "GOV")
                && r.country.len() == 3)
                .then(|| r.country.clone())
        })?;
        Some((country, w))
    }

    /// The one person of surname group `g` in office on the scan date (a
    /// surname several office holders share names none of them).
    fn surname_in_office(&self, g: usize) -> Option<usize> {
        let (_, members) = self.lex.patterns.surnames.get(g)?;
        let mut current = members.iter().copied().filter(|&pi| {
            self.lex.k.people.get(pi).is_some_and(|p| {
                crate::person::role_at(p, self.date)
                    .is_some_and(|(_, st)| st == crate::person::RoleStatus::Current)
            })
        });
        match (current.next(), current.next()) {
            (Some(p), None) => Some(p),
            _ => None,
        }
    }

    /// "the Israeli-Palestinian talks", "a joint Russian-Turkish plan",
    /// "US-Turkish relations": a country or demonym joined by a hyphen to
    /// another country's name or demonym (nothing else in the word), the
    /// pair modifying a lower-case noun, gives one mention per country on
    /// the halves' own spans (the coder reads them as two sides of the noun
    /// they modify). "Russian-made", "US-led", "Turkish-backed",
    /// "Russian-Turkish-Iranian" (three) stay modifiers of nothing.
    fn hyphen_pair(&self, s: &Sent, a: &Atom, anchor: &Anchor, out: &mut Vec<Draft>) {
        if !matches!(a.primary(), Target::Country(_) | Target::Demonym(_)) {
            return;
        }
        let start = a.end + 1;
        let Some(rest) = self.text.get(start..s.end.max(start)) else {
            return;
        };
        let len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let word = rest.get(..len).unwrap_or("");
        if word.is_empty() {
            return;
        }
        let after = rest.get(len..).unwrap_or("");
        // the pair modifies a noun: one space, then a lower-case word
        let mut chars = after.chars();
        if chars.next() != Some(' ') || !chars.next().is_some_and(char::is_lowercase) {
            return;
        }
        let atoms = self.lex.patterns.atoms(word);
        let [b] = atoms.as_slice() else { return };
        if b.start != 0
            || b.end != len
            || !matches!(b.primary(), Target::Country(_) | Target::Demonym(_))
        {
            return;
        }
        let Some(other) = self.anchor(b) else { return };
        if other.code == anchor.code {
            return;
        }
        for (x, from, to) in [(anchor, a.start, a.end), (&other, start, start + len)] {
            let actor = Actor {
                name: x.name.to_string(),
                country: Some(x.code.to_string()),
                ..Default::default()
            };
            let rule = format!("{} (hyphenated pair)", self.anchor_rule(x));
            out.push(self.draft(from, to, s.index, x.kind, actor, rule, 0.5));
        }
    }

    /// Country code of a country/capital/demonym/seat atom.
    pub(crate) fn atom_country(&self, a: &Atom) -> Option<String> {
        match a.primary() {
            Target::Country(c)
            | Target::Capital(c)
            | Target::Demonym(c)
            | Target::DemonymPlural(c) => self.lex.k.countries.get(c).map(|x| x.code.clone()),
            Target::Seat(s) => self.lex.k.seats.get(s).map(|x| x.country.clone()),
            Target::City(c) => self.lex.k.cities.get(c).map(|x| x.country.clone()),
            _ => None,
        }
    }
}

/// An institution's sectors followed by a role's own (GOV is implied by the institution).
fn merge(base: &[String], role: &[String]) -> Vec<String> {
    let mut out = base.to_vec();
    for s in role {
        if !out.contains(s) && s != "GOV" {
            out.push(s.clone());
        }
    }
    out
}
