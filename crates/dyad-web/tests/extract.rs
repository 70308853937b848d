//! Article extraction on small pages written for these tests.

use dyad_web::{extract, BlockKind};

const P1: &str = "The harbour authority of Port Vella said on Monday that it would close the northern quay for repairs after a storm damaged the sea wall last week.";
const P2: &str = "Engineers expect the work to take three months, and ferries will use the southern terminal in the meantime, according to a statement from the authority.";
const P3: &str = "Local traders said they worried about losing customers during the busy season, but most welcomed the decision to repair the wall before winter.";
const LI1: &str = "Ferries to the islands leave from the southern terminal";
const LI2: &str = "Freight traffic is not affected by the closure";

fn article_page() -> String {
    format!(
        r##"<!doctype html><html lang="en"><head><title>Port Vella closes northern quay | Vella Daily</title>
<meta property="og:title" content="Port Vella closes northern quay"></head>
<body>
<div id="cookie-banner">We use cookies to improve your experience. <a href="/privacy">Accept all cookies</a></div>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article class="story">
<h1>Port Vella closes northern quay</h1>
<div class="byline">By Ana Stein</div>
<div class="story-body">
<p>{P1}</p>
<figure><img src="quay.jpg"><figcaption>The damaged sea wall at the northern quay.</figcaption></figure>
<p>{P2}</p>
<div class="ad-slot">Advertisement</div>
<h2>What changes for travellers</h2>
<ul><li>{LI1}</li><li>{LI2}</li></ul>
<p>{P3}</p>
</div>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<section class="related-stories"><h3>Related</h3><ul>
<li><a href="/a">New ferry timetable announced for the winter season on all island routes</a></li>
<li><a href="/b">Storm damage across the coast costs millions, the regional council says</a></li></ul></section>
<section id="comments"><h3>Comments</h3><p>I have lived here for forty years and the wall has never been this bad, they should have fixed it long ago.</p></section>
</article></main>
<aside class="sidebar"><h3>Most read</h3><p>A long teaser of another story about the town budget which nobody should read here as part of the article text.</p></aside>
<footer><p>Copyright 2024 Vella Daily. All rights reserved.</p><a href="/about">About us</a></footer>
</body></html>"##
    )
}

#[test]
fn article_body_is_exactly_the_story() {
    let ex = extract(
        &article_page(),
        Some("https://vella.example/2024/03/04/quay"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let body: Vec<(BlockKind, &str)> = ex
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str()))
        .collect();
    assert_eq!(
        body,
        vec![
            (BlockKind::Paragraph, P1),
            (
                BlockKind::Caption,
                "The damaged sea wall at the northern quay."
            ),
            (BlockKind::Paragraph, P2),
            (BlockKind::Heading, "What changes for travellers"),
            (BlockKind::ListItem, LI1),
            (BlockKind::ListItem, LI2),
            (BlockKind::Paragraph, P3),
        ]
    );
    assert_eq!(
        ex.body_text(),
        format!("{P1}\n\n{P2}\n\nWhat changes for travellers\n\n{LI1}\n\n{LI2}\n\n{P3}")
    );
    assert!(ex.notes.is_empty(), "{:?}", ex.notes);
}

#[test]
fn index_page_has_no_article() {
    let mut page = String::from("<html><body><nav>");
    for i in 0..40 {
        page.push_str(&format!("<div class=\"card\"><a href=\"/s{i}\">Headline number {i} about the town</a><span>2 hours ago</span></div>"));
    }
    page.push_str("</nav><div class=\"grid\">");
    for i in 0..30 {
        page.push_str(&format!(
            "<div class=\"teaser\"><h3><a href=\"/t{i}\">Story {i} in brief</a></h3></div>"
        ));
    }
    page.push_str("</div></body></html>");
    let ex = extract(&page, None).unwrap_or_else(|e| panic!("{e}"));
    assert!(ex.blocks.is_empty(), "got {:?}", ex.blocks);
    assert!(
        ex.notes.iter().any(|n| n.contains("no article")),
        "{:?}",
        ex.notes
    );
}

#[test]
fn error_page_has_no_article() {
    let page = "<html><head><title>404 Not Found</title></head><body><h1>Page not found</h1>\
                <p>Sorry, we could not find that page.</p><a href=\"/\">Go home</a></body></html>";
    let ex = extract(page, None).unwrap_or_else(|e| panic!("{e}"));
    assert!(ex.is_empty());
    assert!(!ex.notes.is_empty());
}

#[test]
fn text_split_by_line_breaks_in_a_table_layout_is_found() {
    let page = format!(
        "<html><body><table><tr><td><a href=\"/\">Home</a> | <a href=\"/x\">Archive</a></td></tr>\
         <tr><td class=\"main\">{P1}<br><br>{P2}<br><br>{P3}</td></tr></table></body></html>"
    );
    let ex = extract(&page, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ex.body_text(), format!("{P1}\n\n{P2}\n\n{P3}"));
}

#[test]
fn hidden_and_script_content_never_appears() {
    let page = format!(
        "<html><body><article><p>{P1}</p><script>var a = 'secret script text that is long enough to count';</script>\
         <p style=\"display: none\">A hidden paragraph that is long enough to be counted as article prose if shown.</p>\
         <noscript>Please enable JavaScript to view the comments powered by a service.</noscript><p>{P2}</p></article></body></html>"
    );
    let ex = extract(&page, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ex.body_text(), format!("{P1}\n\n{P2}"));
}

#[test]
fn teaser_cards_and_cut_off_summaries_are_not_the_story() {
    let teaser = |i: usize| {
        format!(
            "<article class=\"card\"><h3><a href=\"/t{i}\">Another story number {i} from the same site</a></h3>\
             <p>A summary of that other story, long enough to look like a paragraph of prose when read alone on the page.</p></article>"
        )
    };
    let list_item = |i: usize| {
        format!(
            "<li><a href=\"/l{i}\">Headline of a listed story number {i} for readers</a> SOMEWHERE: The first words of that story are shown here, with enough of its opening sentence to look like prose, and then cut off…</li>"
        )
    };
    let page = format!(
        "<html><body><article class=\"story\"><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>\
         <div class=\"list\"><ul>{}</ul></div>{}</body></html>",
        (0..6).map(list_item).collect::<String>(),
        (0..4).map(teaser).collect::<String>()
    );
    let ex = extract(&page, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ex.body_text(), format!("{P1}\n\n{P2}\n\n{P3}"));
}
