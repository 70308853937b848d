//! Tab-separated knowledge files: comment lines, one header naming the file
//! kind, then rows. Problems are reported with file, line and column.

use crate::error::{Problem, Severity};

/// The kinds of knowledge file, recognised by their header line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// ISO 3166-1 base table (generated).
    Countries,
    /// Names, aliases, demonyms and capitals per country; new territories.
    CountryExtras,
    /// Regions and blocs (WST, EUR, ...).
    Blocs,
    /// Seats of power used as metonyms ("Kremlin").
    Seats,
    /// IGOs, NGOs, armed groups, parties, named national institutions.
    Organizations,
    /// Role, sector, institution and place nouns.
    Roles,
    /// People with dated roles.
    People,
    /// Cities and regions (not capitals) with their country.
    Cities,
    /// People with dated roles and a `surname` column ("no": matched by full
    /// name only), the form of the generated bulk files.
    PeopleMatched,
    /// Peoples without a state of their own and their home countries.
    Peoples,
    /// Head nouns of definite descriptions and the antecedents they fit.
    Descriptions,
    /// Given names that are overwhelmingly one gender, with their counts.
    GivenNames,
}

impl FileKind {
    pub(crate) const ALL: [FileKind; 12] = [
        FileKind::Countries,
        FileKind::CountryExtras,
        FileKind::Blocs,
        FileKind::Seats,
        FileKind::Organizations,
        FileKind::Roles,
        FileKind::People,
        FileKind::Cities,
        FileKind::PeopleMatched,
        FileKind::Peoples,
        FileKind::Descriptions,
        FileKind::GivenNames,
    ];

    /// The exact header columns of this kind.
    pub(crate) fn header(self) -> &'static [&'static str] {
        match self {
            FileKind::Countries => &[
                "code",
                "alpha2",
                "numeric",
                "name",
                "official_name",
                "common_name",
            ],
            FileKind::CountryExtras => &["code", "name", "aliases", "demonyms", "capitals"],
            FileKind::Blocs => &["code", "name", "aliases", "demonyms"],
            FileKind::Seats => &["phrase", "country", "sectors", "name"],
            FileKind::Organizations => &["id", "name", "aliases", "country", "sectors"],
            FileKind::Roles => &["phrase", "sectors", "kind"],
            FileKind::People => &[
                "id", "name", "aliases", "country", "sectors", "role", "start", "end",
            ],
            FileKind::Cities => &["name", "country", "aliases"],
            FileKind::PeopleMatched => &[
                "id", "name", "aliases", "country", "sectors", "role", "start", "end", "surname",
            ],
            FileKind::Peoples => &["people", "nouns", "lands", "self_rule"],
            FileKind::Descriptions => &["noun", "antecedents"],
            FileKind::GivenNames => &[
                "name", "gender", "births_f", "births_m", "people_f", "people_m",
            ],
        }
    }
}

/// The widest header (people files with a `surname` column).
const MAX_WIDTH: usize = 9;

/// One data row: its 1-based line number and its trimmed fields, padded to
/// the header's width. The fields live inline: one heap vector per row was a
/// tenth of the lexicon load (100,000 people rows).
#[derive(Debug)]
pub(crate) struct Row<'a> {
    pub line: usize,
    fields: [&'a str; MAX_WIDTH],
}

impl<'a> Row<'a> {
    /// Field `i` (0-based), empty when absent.
    pub fn get(&self, i: usize) -> &'a str {
        self.fields.get(i).copied().unwrap_or("")
    }
}

/// A parsed file.
#[derive(Debug)]
pub(crate) struct Table<'a> {
    pub kind: FileKind,
    pub rows: Vec<Row<'a>>,
}

/// Builds a problem record.
pub(crate) fn problem(
    severity: Severity,
    file: &str,
    line: usize,
    column: Option<usize>,
    entry: &str,
    message: impl Into<String>,
) -> Problem {
    Problem {
        severity,
        file: file.to_string(),
        line,
        column,
        entry: entry.to_string(),
        message: message.into(),
    }
}

/// Parses one file; returns `None` (with a problem) when its header is not
/// one of the known kinds.
pub(crate) fn parse_table<'a>(
    file: &str,
    text: &'a str,
    problems: &mut Vec<Problem>,
) -> Option<Table<'a>> {
    let mut kind = None;
    // One row per line at most: sized once, not regrown (and copied) a
    // dozen times for the 60,000-row people files.
    let lines = text.bytes().filter(|&b| b == b'\n').count() + 1;
    let mut rows = Vec::with_capacity(lines);
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let Some(k) = kind else {
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            match FileKind::ALL.iter().find(|k| {
                k.header() == fields.as_slice()
                        // peoples files written before `self_rule` (optional)
                        || (**k == FileKind::Peoples
                            && fields.as_slice() == ["people", "nouns", "lands"])
            }) {
                Some(k) => kind = Some(*k),
                None => {
                    // A file whose first column is one of ours was meant as an
                    // actor file: a wrong header is an error. Other files (a
                    // places.tsv of the place stage) are not ours: ignored.
                    let ours = fields.first().is_some_and(|f| {
                        FileKind::ALL.iter().any(|k| k.header().first() == Some(f))
                    });
                    let (severity, message) = if ours {
                        (Severity::Error, "unknown header: expected one of the documented headers (see docs/lexicon.md), tab-separated")
                    } else {
                        (
                            Severity::Warning,
                            "not an actor knowledge file (unknown header): ignored",
                        )
                    };
                    problems.push(problem(severity, file, line_no, Some(1), line, message));
                    return None;
                }
            }
            continue;
        };
        let width = k.header().len();
        let mut fields = [""; MAX_WIDTH];
        let mut count = 0;
        for f in line.split('\t') {
            if let Some(slot) = fields.get_mut(count) {
                *slot = f.trim();
            }
            count += 1;
        }
        if count > width {
            problems.push(problem(
                Severity::Error,
                file,
                line_no,
                Some(width + 1),
                fields[0],
                format!("{count} fields, the header has {width}"),
            ));
            continue;
        }
        rows.push(Row {
            line: line_no,
            fields,
        });
    }
    match kind {
        Some(kind) => Some(Table { kind, rows }),
        None => {
            problems.push(problem(
                Severity::Warning,
                file,
                0,
                None,
                "",
                "no header line: file ignored",
            ));
            None
        }
    }
}

/// Splits a `;`-separated list, dropping empty items.
pub(crate) fn list(field: &str) -> Vec<String> {
    field
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_selects_kind_and_rows_keep_line_numbers() {
        let text = "# comment\nphrase\tsectors\tkind\n\ntroops\tMIL\tgroup\nx\ty\tz\tw\n";
        let mut problems = Vec::new();
        let table = parse_table("t.tsv", text, &mut problems).expect("table");
        assert_eq!(table.kind, FileKind::Roles);
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0].line, 4);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 5);
        assert_eq!(problems[0].column, Some(4));
    }

    #[test]
    fn rows_wider_than_any_header_are_reported_whole() {
        let text = "name\tcountry\taliases\na\tb\tc\td\te\tf\tg\th\ti\tj\tk\tl\nOslo \t NOR\n";
        let mut problems = Vec::new();
        let table = parse_table("c.tsv", text, &mut problems).expect("table");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].entry, "a");
        assert_eq!(problems[0].column, Some(4));
        assert!(problems[0].message.starts_with("12 fields"));
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0].get(0), "Oslo");
        assert_eq!(table.rows[0].get(1), "NOR");
        assert_eq!(table.rows[0].get(2), "");
        assert_eq!(table.rows[0].get(40), "");
    }

    #[test]
    fn unknown_header_is_an_error_for_actor_files_only() {
        let mut problems = Vec::new();
        assert!(parse_table("t.tsv", "# c\nid\tname\n", &mut problems).is_none());
        assert_eq!(problems[0].severity, Severity::Error);
        assert_eq!(problems[0].line, 2);
        let mut problems = Vec::new();
        assert!(parse_table("gazetteer.tsv", "place\tlat\tlon\n", &mut problems).is_none());
        assert_eq!(problems[0].severity, Severity::Warning);
    }
}
