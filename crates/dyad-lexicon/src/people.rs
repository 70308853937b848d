//! People rows: validation and merging of dated roles (schema in
//! docs/lexicon.md and /work/people-schema.md).

use crate::dates::{parse_partial, Edge};
use crate::load::{Ctx, Keyed, Source};
use crate::model::{Origin, Person, PersonRole};
use crate::tsv::{list, Row};

/// Adds one people row: a new person, or one more role of a known one.
pub(crate) fn load_person_row(
    ctx: &mut Ctx,
    src: &Source,
    row: &Row,
    people: &mut Keyed<Person>,
    code_known: &dyn Fn(&str) -> bool,
) {
    let id = row.get(0);
    let origin = Origin {
        file: src.name.clone(),
        line: row.line,
    };
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        ctx.error(
            &src.name,
            row,
            0,
            id,
            "id must be a lower-case slug (a-z, 0-9, -)",
        );
        return;
    }
    let name = row.get(1);
    if name.is_empty() {
        ctx.error(&src.name, row, 1, id, "missing name");
        return;
    }
    let country = row.get(3);
    if !code_known(country) {
        ctx.error(
            &src.name,
            row,
            3,
            id,
            format!("unknown country or organisation code {country:?}"),
        );
        return;
    }
    let Some(sectors) = ctx.sectors(&src.name, row, 4, id, false) else {
        return;
    };
    let role = row.get(5);
    if role.is_empty() {
        ctx.error(&src.name, row, 5, id, "missing role");
        return;
    }
    let start = match row.get(6) {
        "" => None,
        s => match parse_partial(s, Edge::Start) {
            Some(d) => Some(d),
            None => {
                ctx.error(
                    &src.name,
                    row,
                    6,
                    id,
                    format!("bad start date {s:?} (YYYY, YYYY-MM or YYYY-MM-DD)"),
                );
                return;
            }
        },
    };
    // "2015-11-30+": still held on that day, the source knows nothing later.
    let (end_text, open_end) = match row.get(7).strip_suffix('+') {
        Some(e) => (e, true),
        None => (row.get(7), false),
    };
    let end = match end_text {
        "" => None,
        s => match parse_partial(s, Edge::End) {
            Some(d) => Some(d),
            None => {
                ctx.error(
                    &src.name,
                    row,
                    7,
                    id,
                    format!("bad end date {s:?} (YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by + for an end known only as the source's snapshot)"),
                );
                return;
            }
        },
    };
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            ctx.error(
                &src.name,
                row,
                7,
                id,
                format!("end {} is before start {}", row.get(7), row.get(6)),
            );
            return;
        }
    }
    // Column 9 (files with a `surname` column): "no" = full names only.
    let surname_matches = match row.get(8) {
        "" | "yes" => true,
        "no" => false,
        other => {
            ctx.error(
                &src.name,
                row,
                8,
                id,
                format!("bad surname flag {other:?} (yes, no or empty)"),
            );
            return;
        }
    };
    let aliases = list(row.get(2));
    let person_role = PersonRole {
        country: country.to_string(),
        sectors,
        role: role.to_string(),
        start,
        end,
        open_end,
        rank: ctx.role_rank(role),
        origin: origin.clone(),
    };
    match people.index.get(id) {
        Some((i, layer, first)) if *layer == src.layer => {
            let first = first.clone();
            let Some(p) = people.items.get_mut(*i) else {
                return;
            };
            let same_file = first.file == src.name;
            if !same_file && p.name == name {
                // A curated file's "yes" wins over a bulk file's "no".
                p.surname_matches |= surname_matches;
                // Another batch file adds roles (and spellings) to the same person.
                for a in aliases {
                    if !p.aliases.contains(&a) {
                        p.aliases.push(a);
                    }
                }
                let duplicate = p.roles.iter().any(|r| {
                    r.country == person_role.country
                        && r.role == person_role.role
                        && r.start == person_role.start
                        && r.end == person_role.end
                        && r.open_end == person_role.open_end
                });
                if !duplicate {
                    p.roles.push(person_role);
                }
                return;
            }
            if p.name != name || p.aliases != aliases {
                ctx.error(
                    &src.name,
                    row,
                    1,
                    id,
                    format!(
                        "conflicting entry: name {name:?} / aliases {:?} here, but {id:?} has name {:?} / aliases {:?} at {}:{}",
                        aliases.join(";"),
                        p.name,
                        p.aliases.join(";"),
                        first.file,
                        first.line
                    ),
                );
                return;
            }
            p.roles.push(person_role);
        }
        _ => {
            let person = Person {
                id: id.to_string(),
                name: name.to_string(),
                aliases,
                roles: vec![person_role],
                surname_matches,
            };
            people.insert(id.to_string(), src.layer, origin, person, ctx.problems);
        }
    }
}
