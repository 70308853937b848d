//! Cleaning: scraped text → kept paragraphs labelled as zones.
//!
//! The text is taken one line (paragraph) at a time. Lines that are page
//! chrome, ad markers, counters, comment forms or legal notices are removed
//! (kept in [`Cleaned::removed`]). The rest become zones: the first
//! headline-like line is the title; bylines, captions and credits are their
//! own zones; a dateline marker at the start of a paragraph is a dateline zone
//! and the rest of that paragraph stays body.

mod classify;

pub use classify::{byline_author, dateline, is_boilerplate, is_caption, DatelineMarker};

use dyad_core::{Span, Zone, ZoneKind};

/// The result of cleaning one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// Kept paragraphs joined by blank lines.
    pub text: String,
    /// Zones over `text`, in order, non-overlapping.
    pub zones: Vec<Zone>,
    /// Removed lines, in order.
    pub removed: Vec<String>,
    /// The headline found in the text.
    pub title: Option<String>,
    /// Author from a byline.
    pub author: Option<String>,
    /// Agency from a dateline.
    pub agency: Option<String>,
    /// Dateline place.
    pub dateline: Option<String>,
}

/// What a kept line is.
#[derive(Debug, Clone, PartialEq)]
enum Role {
    Title,
    Byline,
    Caption,
    Heading,
    Dateline(DatelineMarker),
    Body,
}

/// Cleans scraped text. `known_title` (from metadata) becomes the title zone
/// when the text does not start with it.
pub fn clean_text(text: &str, known_title: Option<&str>) -> Cleaned {
    let lines: Vec<(&str, Option<ZoneKind>)> = text.lines().map(|l| (l, None)).collect();
    clean_lines(&lines, known_title)
}

/// Like [`clean_text`] for text already cut into lines, some with a zone
/// known from their markup (an HTML extractor's captions and headings). A
/// hinted line is still removed when it is boilerplate.
pub fn clean_lines(lines: &[(&str, Option<ZoneKind>)], known_title: Option<&str>) -> Cleaned {
    let lines: Vec<(&str, Option<ZoneKind>)> = lines
        .iter()
        .map(|(l, hint)| (l.trim(), *hint))
        .filter(|(l, _)| !l.is_empty())
        .collect();
    let mut removed = Vec::new();
    let mut kept: Vec<&str> = Vec::with_capacity(lines.len());
    let mut hints: Vec<Option<ZoneKind>> = Vec::with_capacity(lines.len());
    let mut in_comments = false;
    for (i, (line, hint)) in lines.iter().enumerate() {
        // Comment sections sit at the end of a page; only trust the marker
        // in the second half of the text.
        if !in_comments && i * 2 >= lines.len() && classify::starts_comment_section(line) {
            in_comments = true;
        }
        if in_comments || is_boilerplate(line) {
            removed.push((*line).to_string());
        } else {
            kept.push(line);
            hints.push(*hint);
        }
    }
    let mut roles = assign_roles(&kept);
    for (role, hint) in roles.iter_mut().zip(&hints) {
        match hint {
            Some(ZoneKind::Caption) => *role = Role::Caption,
            Some(ZoneKind::Heading) if !matches!(role, Role::Title | Role::Byline) => {
                *role = Role::Heading
            }
            _ => {}
        }
    }
    let mut out = Cleaned {
        removed,
        ..Cleaned::default()
    };
    let known_title = known_title.map(str::trim).filter(|t| !t.is_empty());
    if let Some(title) = known_title {
        let title_in_text = kept
            .first()
            .is_some_and(|first| first.eq_ignore_ascii_case(title));
        if !title_in_text {
            push_zone(&mut out, ZoneKind::Title, title);
        }
        out.title = Some(title.to_string());
    }
    for (line, role) in kept.iter().zip(roles) {
        match role {
            Role::Title => {
                push_zone(&mut out, ZoneKind::Title, line);
                out.title.get_or_insert_with(|| (*line).to_string());
            }
            Role::Byline => {
                if out.author.is_none() {
                    out.author = byline_author(line);
                }
                push_zone(&mut out, ZoneKind::Byline, line);
            }
            Role::Caption => push_zone(&mut out, ZoneKind::Caption, line),
            Role::Heading => push_zone(&mut out, ZoneKind::Heading, line),
            Role::Body => push_zone(&mut out, ZoneKind::Body, line),
            Role::Dateline(marker) => {
                let (head, rest) = line.split_at(marker.len.min(line.len()));
                let start = begin_paragraph(&mut out);
                out.text.push_str(line);
                let head_end = start + head.trim_end().len();
                out.zones.push(Zone {
                    kind: ZoneKind::Dateline,
                    span: Span::new(start, head_end),
                });
                let rest_start = start + head.len() + (rest.len() - rest.trim_start().len());
                out.zones.push(Zone {
                    kind: ZoneKind::Body,
                    span: Span::new(rest_start, out.text.len()),
                });
                if out.agency.is_none() {
                    out.agency = marker.agency.clone();
                }
                if out.dateline.is_none() {
                    out.dateline = marker.place.clone();
                }
            }
        }
    }
    out
}

/// Starts a new paragraph in the output text; returns its start offset.
fn begin_paragraph(out: &mut Cleaned) -> usize {
    if !out.text.is_empty() {
        out.text.push_str("\n\n");
    }
    out.text.len()
}

fn push_zone(out: &mut Cleaned, kind: ZoneKind, line: &str) {
    let start = begin_paragraph(out);
    out.text.push_str(line);
    out.zones.push(Zone {
        kind,
        span: Span::new(start, out.text.len()),
    });
}

/// Decides the role of each kept line from its shape, words and position.
fn assign_roles(kept: &[&str]) -> Vec<Role> {
    let mut roles: Vec<Role> = Vec::with_capacity(kept.len());
    let mut seen_title = false;
    let mut seen_body = false;
    let mut seen_byline = false;
    let mut datelines_checked = 0;
    for (i, line) in kept.iter().enumerate() {
        let role = if !seen_body && !seen_byline && byline_author(line).is_some() {
            seen_byline = true;
            Role::Byline
        } else if classify::is_caption(line) {
            Role::Caption
        } else if let Some(marker) = (datelines_checked < 3).then(|| dateline(line)).flatten() {
            seen_body = true;
            Role::Dateline(marker)
        } else if !seen_title && !seen_body && i <= 2 && classify::is_headline_like(line) {
            seen_title = true;
            Role::Title
        } else if seen_title
            && !seen_body
            && !seen_byline
            && classify::is_sentence_like(line)
            && header_follows(kept, i)
        {
            // Between the headline and the byline/dateline sits the lead
            // image; a sentence there is its caption.
            Role::Caption
        } else if (seen_body || seen_title) && classify::is_heading_like(line) {
            Role::Heading
        } else {
            seen_body = true;
            Role::Body
        };
        if matches!(role, Role::Body | Role::Dateline(_)) {
            datelines_checked += 1;
        }
        roles.push(role);
    }
    roles
}

/// True when a byline or dateline comes within the next two lines.
fn header_follows(kept: &[&str], i: usize) -> bool {
    kept.iter()
        .skip(i + 1)
        .take(2)
        .any(|l| byline_author(l).is_some() || dateline(l).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone_text(c: &Cleaned, kind: ZoneKind) -> Vec<&str> {
        c.zones
            .iter()
            .filter(|z| z.kind == kind)
            .map(|z| z.span.slice(&c.text))
            .collect()
    }

    #[test]
    fn cleans_a_scraped_page() {
        let page = "Skip to main content\n\
            Ministers agree to reopen border crossing\n\n\
            Trucks wait at the crossing point near the river on June 2, 2021. (Photo: Staff/Pool)\n\
            By Amal Haddad\n\
            BEIRUT (Reuters) - Lebanon and Syria agreed on Tuesday to reopen a border crossing.\n\
            ADVERTISEMENT\n\
            The deal was announced after talks in Damascus.\n\
            What happens next?\n\
            Officials said trade would resume within a week.\n\
            Share this article\n\
            58 views3 comments\n\
            Leave a Reply\n\
            Your email address will not be published.\n\
            Comments must be civil; posting guidelines apply to every discussion.\n";
        let c = clean_text(page, None);
        assert_eq!(
            zone_text(&c, ZoneKind::Title),
            ["Ministers agree to reopen border crossing"]
        );
        assert_eq!(zone_text(&c, ZoneKind::Byline), ["By Amal Haddad"]);
        assert_eq!(c.author.as_deref(), Some("Amal Haddad"));
        assert_eq!(zone_text(&c, ZoneKind::Caption).len(), 1);
        assert_eq!(zone_text(&c, ZoneKind::Dateline), ["BEIRUT (Reuters) -"]);
        assert_eq!(c.agency.as_deref(), Some("Reuters"));
        assert_eq!(c.dateline.as_deref(), Some("BEIRUT"));
        assert_eq!(zone_text(&c, ZoneKind::Heading), ["What happens next?"]);
        let body = zone_text(&c, ZoneKind::Body).join(" ");
        assert!(body.starts_with("Lebanon and Syria agreed"), "{body}");
        for junk in [
            "ADVERTISEMENT",
            "Share",
            "views",
            "Leave a Reply",
            "email",
            "Skip",
        ] {
            assert!(!body.contains(junk), "{junk} in body: {body}");
        }
        assert_eq!(c.removed.len(), 7, "{:?}", c.removed);
    }

    #[test]
    fn known_title_is_prepended_once() {
        let c = clean_text("Talks resumed on Monday.", Some("Talks resume"));
        assert_eq!(zone_text(&c, ZoneKind::Title), ["Talks resume"]);
        let c = clean_text(
            "Talks resume\nTalks resumed on Monday.",
            Some("Talks resume"),
        );
        assert_eq!(zone_text(&c, ZoneKind::Title), ["Talks resume"]);
    }
}
