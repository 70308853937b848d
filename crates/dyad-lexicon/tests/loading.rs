//! Loading, validation errors, overrides and `check_dir`.

mod common;

use std::path::{Path, PathBuf};

use dyad_lexicon::{Lexicon, LexiconError, Severity};

/// A fresh scratch directory under the target dir.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("lexicon-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        panic!("cannot create {}: {e}", dir.display());
    }
    dir
}

fn write(dir: &Path, file: &str, text: &str) {
    if let Err(e) = std::fs::write(dir.join(file), text) {
        panic!("cannot write {file}: {e}");
    }
}

fn load_err(dir: &Path) -> LexiconError {
    match Lexicon::load(&[dir.to_path_buf()]) {
        Ok(_) => panic!("{} should not load", dir.display()),
        Err(e) => e,
    }
}

#[test]
fn builtin_lexicon_loads_cleanly_and_is_large() {
    let lex = common::lex();
    let stats = lex.stats();
    assert!(stats.countries >= 260, "{stats:?}");
    assert!(stats.roles >= 800, "{stats:?}");
    assert!(stats.organizations >= 250, "{stats:?}");
    assert!(stats.people >= 30, "{stats:?}");
    assert_eq!(lex.country_name("RUS"), Some("Russia"));
    assert_eq!(lex.country_name("XKX"), Some("Kosovo"));
    assert!(lex.is_country_code("PSE") && lex.is_country_code("TWN") && lex.is_country_code("ESH"));
    assert!(lex.is_bloc_code("WST") && !lex.is_country_code("WST"));
    assert_eq!(lex.country_of_city("MOSCOW"), Some("RUS"));
    // Every ISO 3166-1 entry is there.
    let iso = lex
        .countries()
        .iter()
        .filter(|c| c.origin.file.ends_with("countries.tsv"))
        .count();
    assert_eq!(iso, 249);
}

#[test]
fn malformed_entries_name_file_line_and_column() {
    let dir = scratch("malformed");
    write(
        &dir,
        "roles.tsv",
        "# my roles\nphrase\tsectors\tkind\nfrogmen\tMIL\tgroup\nsquid\tXYZ\tgroup\n",
    );
    let err = load_err(&dir);
    let p = &err.problems()[0];
    assert!(p.file.ends_with("roles.tsv"), "{p}");
    assert_eq!((p.line, p.column), (4, Some(2)));
    assert_eq!(p.entry, "squid");
    assert!(
        err.to_string().contains("unknown sector code \"XYZ\""),
        "{err}"
    );

    let dir = scratch("dates");
    write(
        &dir,
        "people.tsv",
        "id\tname\taliases\tcountry\tsectors\trole\tstart\tend\nann-x\tAnn X\t\tFRA\tGOV\tMinister\t2020-05-01\t2019\n",
    );
    let err = load_err(&dir);
    assert_eq!(
        (err.problems()[0].line, err.problems()[0].column),
        (2, Some(8))
    );
    assert!(err.to_string().contains("before start"), "{err}");

    // The bulk people files' `surname` column takes yes, no or nothing.
    let dir = scratch("surname-flag");
    write(
        &dir,
        "people.tsv",
        "id\tname\taliases\tcountry\tsectors\trole\tstart\tend\tsurname\nann-x\tAnn X\t\tFRA\tLEG\tMember\t2020\t\tno\nbo-y\tBo Y\t\tFRA\tLEG\tMember\t2020\t\tperhaps\n",
    );
    let err = load_err(&dir);
    assert_eq!(err.problems().len(), 1, "{err}");
    let p = &err.problems()[0];
    assert!(p.file.ends_with("people.tsv"), "{p}");
    assert_eq!((p.line, p.column, p.entry.as_str()), (3, Some(9), "bo-y"));
    assert!(err.to_string().contains("bad surname flag"), "{err}");
}

#[test]
fn conflicting_entries_name_both_places() {
    let dir = scratch("conflict");
    write(
        &dir,
        "a.tsv",
        "id\tname\taliases\tcountry\tsectors\nZZ1\tZed Union\t\t\tIGO\n",
    );
    write(
        &dir,
        "b.tsv",
        "id\tname\taliases\tcountry\tsectors\nZZ1\tZed League\t\t\tIGO\n",
    );
    let err = load_err(&dir);
    let p = &err.problems()[0];
    assert!(
        p.file.ends_with("b.tsv") && p.line == 2 && p.entry == "ZZ1",
        "{p}"
    );
    assert!(p.message.contains("a.tsv:2"), "{p}");

    let dir = scratch("person-conflict");
    write(
        &dir,
        "p.tsv",
        "id\tname\taliases\tcountry\tsectors\trole\tstart\tend\n\
         bo-y\tBo Y\t\tFRA\tGOV\tMinister\t2020\t\n\
         bo-y\tBo Why\t\tFRA\tGOV\tPresident\t2021\t\n",
    );
    let err = load_err(&dir);
    assert_eq!(err.problems()[0].line, 3);
    assert!(err.problems()[0].message.contains("Bo Y"), "{err}");
}

#[test]
fn user_directories_override_and_extend() {
    let dir = scratch("override");
    write(
        &dir,
        "roles.tsv",
        "phrase\tsectors\tkind\npolice\tMIL\tgroup\nfrogmen\tMIL\tgroup\n",
    );
    write(
        &dir,
        "people.tsv",
        "id\tname\taliases\tcountry\tsectors\trole\tstart\tend\nana-tarvo\tAna Tarvo\t\tEST\tGOV\tForeign Minister\t2030\t\n",
    );
    // A place-stage file in the same directory is not ours and is skipped.
    write(&dir, "places.tsv", "Tartu\t58.38\t26.72\tEST\n");
    let lex = match Lexicon::load(std::slice::from_ref(&dir)) {
        Ok(l) => l,
        Err(e) => panic!("override dir must load: {e}"),
    };
    let date = common::date("2031-01-01");
    let police = lex
        .resolve_phrase("police", Some(date), "")
        .actor
        .expect("actor");
    assert_eq!(police.sectors, vec!["MIL"]);
    let frog = lex
        .resolve_phrase("Estonian frogmen", Some(date), "")
        .actor
        .expect("actor");
    assert_eq!(
        (frog.country.as_deref(), frog.sectors[0].as_str()),
        (Some("EST"), "MIL")
    );
    let ana = lex
        .resolve_phrase("Ana Tarvo", Some(date), "")
        .actor
        .expect("actor");
    assert_eq!(ana.person_id.as_deref(), Some("ana-tarvo"));
    assert!(
        lex.warnings().iter().any(|w| w.entry == "police"),
        "an override is reported"
    );
}

#[test]
fn check_dir_reports_every_problem() {
    let dir = scratch("check");
    write(
        &dir,
        "roles.tsv",
        "phrase\tsectors\tkind\nsquid\tXYZ\tgroup\nfrogmen\tMIL\tweird\n",
    );
    write(&dir, "bad.tsv", "id\tnom\n");
    let report = match Lexicon::check_dir(&dir) {
        Ok(r) => r,
        Err(e) => panic!("check must report, not fail: {e}"),
    };
    assert_eq!(report.error_count(), 3, "{:?}", report.problems);
    assert!(!report.is_ok());
    let good = scratch("check-good");
    write(
        &good,
        "roles.tsv",
        "phrase\tsectors\tkind\nfrogmen\tMIL\tgroup\n",
    );
    let report = match Lexicon::check_dir(&good) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    assert!(report.is_ok(), "{:?}", report.problems);
    assert_eq!(report.entries, 1);
    assert!(report
        .problems
        .iter()
        .all(|p| p.severity == Severity::Warning));
}

#[test]
fn a_user_entry_sharing_a_built_in_name_wins() {
    // A user organisation with a new id but the name of a built-in one.
    let dir = scratch("user-wins");
    write(
        &dir,
        "organizations.tsv",
        "id\tname\taliases\tcountry\tsectors\nMYCOURIER\tKorean Central News Agency\t\tPRK\tJRN\n",
    );
    let lex = dyad_lexicon::Lexicon::load(std::slice::from_ref(&dir)).expect("loads");
    let a = lex
        .resolve_phrase("Korean Central News Agency", None, "")
        .actor
        .expect("actor");
    assert_eq!(a.org.as_deref(), Some("MYCOURIER"));
    assert_eq!(a.sectors, vec!["JRN".to_string()]);
    // and `dyad lexicon check` names both rows
    let report = dyad_lexicon::Lexicon::check_dir(&dir).expect("checks");
    let w = report
        .problems
        .iter()
        .find(|p| p.message.contains("also names"))
        .expect("ambiguity reported");
    assert!(w.file.ends_with("organizations.tsv") && w.line == 2, "{w}");
    assert!(w.message.contains("organizations.tsv:"), "{w}");
}

#[test]
fn a_malformed_peoples_row_names_file_and_line() {
    let dir = scratch("peoples");
    write(
        &dir,
        "peoples.tsv",
        "# stateless peoples\npeople\tnouns\tlands\nFrisian\tFrisians\tNLD;DEU\nAinu\tAinus\tJPN;XYZ\nBasque\tBasques\t\n",
    );
    let err = load_err(&dir);
    assert_eq!(err.problems().len(), 2, "{err}");
    let p = &err.problems()[0];
    assert!(p.file.ends_with("peoples.tsv"), "{p}");
    assert_eq!((p.line, p.column, p.entry.as_str()), (4, Some(3), "Ainu"));
    assert!(
        err.to_string().contains("unknown country code \"XYZ\""),
        "{err}"
    );
    assert_eq!(err.problems()[1].line, 5, "{err}");
}

#[test]
fn a_malformed_descriptions_row_names_file_and_line() {
    let dir = scratch("descriptions");
    write(
        &dir,
        "descriptions.tsv",
        "# head nouns\nnoun\tantecedents\nsquad\tarmed-group\nbrigade\tarmed-gang\nThe Crew\tparty\nunit\t\n",
    );
    let err = load_err(&dir);
    assert_eq!(err.problems().len(), 3, "{err}");
    let p = &err.problems()[0];
    assert!(p.file.ends_with("descriptions.tsv"), "{p}");
    assert_eq!(
        (p.line, p.column, p.entry.as_str()),
        (4, Some(2), "brigade")
    );
    assert!(
        err.to_string()
            .contains("unknown antecedent kind \"armed-gang\""),
        "{err}"
    );
    assert_eq!(err.problems()[1].line, 5, "{err}");
    assert_eq!(err.problems()[2].line, 6, "{err}");
}

#[test]
fn a_user_descriptions_row_overrides_the_builtin_one() {
    let dir = scratch("descriptions-override");
    write(
        &dir,
        "descriptions.tsv",
        "noun\tantecedents\nmilitia\tparty\n",
    );
    let lex = Lexicon::load(&[dir]).expect("loads");
    assert!(
        lex.warnings()
            .iter()
            .any(|w| w.file.ends_with("descriptions.tsv") && w.line == 2),
        "{:?}",
        lex.warnings()
    );
}

#[test]
fn a_self_rule_country_outside_the_lands_names_file_and_line() {
    let dir = scratch("peoples-self-rule");
    write(
        &dir,
        "peoples.tsv",
        "people\tnouns\tlands\tself_rule\nFrisian\tFrisians\tNLD;DEU\tNLD\nAinu\tAinus\tJPN\tRUS\n",
    );
    let err = load_err(&dir);
    assert_eq!(err.problems().len(), 1, "{err}");
    let p = &err.problems()[0];
    assert_eq!((p.line, p.column, p.entry.as_str()), (3, Some(4), "Ainu"));
    assert!(err.to_string().contains("not one of its lands"), "{err}");
}
