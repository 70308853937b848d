//! The bulk organisation batches (`orgs/520-parties.tsv`, `orgs/530-companies-world.tsv`, built by
//! `scripts/build-orgs-global.py`): recognised in text, validated at load, and kept clear of ordinary words.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use dyad_lexicon::Lexicon;

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("lexicon-orgs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = std::fs::create_dir_all(dir.join("orgs")) {
        panic!("cannot create {}: {e}", dir.display());
    }
    dir
}

fn org_mention<'a>(
    ms: &'a [dyad_core::ActorMention],
    text: &str,
) -> Option<&'a dyad_core::ActorMention> {
    ms.iter().find(|m| m.text == text && m.actor.org.is_some())
}

#[test]
fn parties_and_companies_of_the_world_are_recognised() {
    let ms = common::mentions(
        "The Brexit Party accused the ministers of betrayal, and Siemens won the contract.",
        "2019-05-01",
    );
    let party = common::find(&ms, "Brexit Party");
    assert_eq!(common::code(party), "GBR:PTY");
    let company = common::find(&ms, "Siemens");
    assert_eq!(common::code(company), "DEU:BUS");
    // A trailing generic word may be left out: "Infineon" for "Infineon Technologies".
    let ms = common::mentions("Infineon said it would close the plant.", "2020-01-01");
    assert_eq!(common::code(common::find(&ms, "Infineon")), "DEU:BUS");
}

#[test]
fn ordinary_words_and_places_are_not_organisations() {
    for text in [
        "Shell fragments hit the school.",
        "Target practice began at dawn.",
        "Future talks were planned.",
        "Visa rules were tightened.",
        "Alliance members met in Brussels.",
        "Aosta Valley residents were evacuated.",
        "Reform Party officials in several countries disagreed.",
    ] {
        let ms = common::mentions(text, "2020-01-01");
        let first = text.split(' ').next().unwrap_or_default();
        assert!(
            ms.iter()
                .all(|m| m.actor.org.is_none() || !m.text.starts_with(first)),
            "{text}: {:?}",
            ms.iter()
                .map(|m| (m.text.as_str(), m.actor.org.clone()))
                .collect::<Vec<_>>()
        );
    }
    assert!(org_mention(
        &common::mentions("Aosta Valley residents were evacuated.", "2020-01-01"),
        "Aosta Valley"
    )
    .is_none());
}

/// The build script's guard, checked on the committed data: no one-word name of a bulk batch is an
/// ordinary English word of the tagger lexicon, and no name is a country's name or a city of the lexicon.
#[test]
fn bulk_organisation_names_are_no_ordinary_words_or_places() {
    let lexicon = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/tagger/lexicon.tsv");
    let text = match std::fs::read_to_string(&lexicon) {
        Ok(t) => t,
        Err(e) => panic!("cannot read {}: {e}", lexicon.display()),
    };
    let common: HashSet<&str> = text
        .lines()
        .filter_map(|l| l.split('\t').next())
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_lowercase()))
        .collect();
    let lex = common::lex();
    let countries: HashSet<String> = lex
        .countries()
        .iter()
        .flat_map(|c| c.names.iter().chain(c.aliases.iter()))
        .map(|n| n.to_lowercase())
        .collect();
    let mut bulk = 0;
    for o in lex.orgs() {
        let file = o.origin.file.as_ref();
        if !(file.ends_with("520-parties.tsv") || file.ends_with("530-companies-world.tsv")) {
            continue;
        }
        bulk += 1;
        for n in std::iter::once(&o.name).chain(o.aliases.iter()) {
            let lower = n.to_lowercase();
            assert!(
                n.contains(' ') || !common.contains(lower.as_str()),
                "{} ({}): one-word name {n:?} is an ordinary word",
                o.id,
                o.origin.file
            );
            assert!(
                !countries.contains(&lower) && lex.country_of_city(n).is_none(),
                "{} ({}): {n:?} is a country or city",
                o.id,
                o.origin.file
            );
        }
    }
    assert!(bulk >= 3_000, "{bulk} bulk organisations");
}

#[test]
fn a_malformed_row_of_an_orgs_batch_names_file_and_line() {
    let dir = scratch("malformed");
    if let Err(e) = std::fs::write(
        dir.join("orgs").join("600-mine.tsv"),
        "# my parties\nid\tname\taliases\tcountry\tsectors\n\
         PTY-X1\tZed Freedom Union\t\tFRA\tPTY\n\
         PTY-X2\tZed Unity League\t\tQQQ\tPTY\n\
         PTY-X3\tZed Green Front\t\tDEU\tPTY+XYZ\n",
    ) {
        panic!("cannot write: {e}");
    }
    let err = match Lexicon::load(std::slice::from_ref(&dir)) {
        Ok(_) => panic!("{} should not load", dir.display()),
        Err(e) => e,
    };
    let problems = err.problems();
    assert_eq!(problems.len(), 2, "{err}");
    assert!(
        problems
            .iter()
            .all(|p| p.file.ends_with("orgs/600-mine.tsv")),
        "{err}"
    );
    let lines: Vec<(usize, &str)> = problems
        .iter()
        .map(|p| (p.line, p.entry.as_str()))
        .collect();
    assert_eq!(lines, vec![(4, "PTY-X2"), (5, "PTY-X3")], "{err}");
}
