//! Page metadata from meta tags, JSON-LD, `<time>` and the URL.

use dyad_web::{extract, MetaOrigin};

const BODY: &str = "<p>The council of Lorna voted on Tuesday to build a new bridge over the river, ending a debate that lasted a decade.</p>\
                    <p>Work is due to begin in spring and should take two years, the mayor said after the vote in the town hall.</p>";

#[test]
fn json_ld_graph_wins_and_sources_are_recorded() {
    let page = format!(
        r#"<html lang="en-GB"><head><title>Bridge vote - Lorna Post</title>
<meta property="og:site_name" content="Lorna Post">
<meta property="article:published_time" content="2021-05-03T08:00:00Z">
<link rel="canonical" href="https://lorna.example/news/bridge">
<script type="application/ld+json">{{"@context":"https://schema.org","@graph":[
  {{"@type":"WebSite","name":"Lorna Post"}},
  {{"@type":["NewsArticle"],"headline":"Council backs new bridge","datePublished":"2021-05-04T09:30:00+02:00",
    "dateModified":"2021-05-05T10:00:00+02:00","author":[{{"@type":"Person","name":"Mira Holt"}},{{"@type":"Person","name":"Jon Bell"}}]}}]}}</script>
</head><body><article>{BODY}</article></body></html>"#
    );
    let ex = extract(&page, None).unwrap_or_else(|e| panic!("{e}"));
    let m = &ex.metadata;
    let title = m.title.as_ref().unwrap_or_else(|| panic!("no title"));
    assert_eq!(
        (title.value.as_str(), title.origin),
        ("Council backs new bridge", MetaOrigin::JsonLd)
    );
    let published = m.published.as_ref().unwrap_or_else(|| panic!("no date"));
    assert_eq!(published.value.date.to_string(), "2021-05-04");
    assert_eq!(
        (published.origin, published.key.as_str()),
        (MetaOrigin::JsonLd, "datePublished")
    );
    assert_eq!(
        m.modified
            .as_ref()
            .map(|d| d.value.date.to_string())
            .as_deref(),
        Some("2021-05-05")
    );
    let authors: Vec<&str> = m.authors.iter().map(|a| a.value.as_str()).collect();
    assert_eq!(authors, vec!["Mira Holt", "Jon Bell"]);
    assert_eq!(
        m.site_name.as_ref().map(|s| s.value.as_str()),
        Some("Lorna Post")
    );
    assert_eq!(
        m.canonical_url
            .as_ref()
            .map(|s| (s.value.as_str(), s.origin)),
        Some(("https://lorna.example/news/bridge", MetaOrigin::LinkTag))
    );
    assert_eq!(m.language.as_ref().map(|s| s.value.as_str()), Some("en-GB"));
}

#[test]
fn meta_tags_of_several_vocabularies() {
    let page = format!(
        r#"<html><head><meta name="sailthru.date" content="2020-02-10 14:00:00">
<meta name="parsely-author" content="Kai Moss"><meta property="og:title" content="Ferry strike ends">
<meta property="og:locale" content="fr_FR"></head><body>{BODY}</body></html>"#
    );
    let ex = extract(&page, None).unwrap_or_else(|e| panic!("{e}"));
    let m = &ex.metadata;
    let d = m.published.as_ref().unwrap_or_else(|| panic!("no date"));
    assert_eq!(
        (d.value.date.to_string().as_str(), d.key.as_str()),
        ("2020-02-10", "sailthru.date")
    );
    assert_eq!(
        m.authors
            .first()
            .map(|a| (a.value.as_str(), a.key.as_str())),
        Some(("Kai Moss", "parsely-author"))
    );
    assert_eq!(
        m.title.as_ref().map(|t| (t.value.as_str(), t.origin)),
        Some(("Ferry strike ends", MetaOrigin::MetaTag))
    );
    assert_eq!(m.language.as_ref().map(|s| s.value.as_str()), Some("fr-FR"));
}

#[test]
fn time_element_then_url_date() {
    let page = format!("<html><body><time datetime=\"2019-07-01T12:00:00+01:00\">1 July</time>{BODY}</body></html>");
    let ex = extract(&page, Some("https://x.example/2018/01/02/story"))
        .unwrap_or_else(|e| panic!("{e}"));
    let d = ex
        .metadata
        .published
        .as_ref()
        .unwrap_or_else(|| panic!("no date"));
    assert_eq!(
        (d.value.date.to_string().as_str(), d.origin),
        ("2019-07-01", MetaOrigin::TimeElement)
    );

    let bare = format!("<html><head><title>T</title></head><body>{BODY}</body></html>");
    let ex = extract(&bare, Some("https://x.example/2018/01/02/story"))
        .unwrap_or_else(|e| panic!("{e}"));
    let d = ex
        .metadata
        .published
        .as_ref()
        .unwrap_or_else(|| panic!("no date"));
    assert_eq!(
        (d.value.date.to_string().as_str(), d.origin),
        ("2018-01-02", MetaOrigin::Url)
    );
    assert_eq!(
        ex.metadata.title.as_ref().map(|t| t.origin),
        Some(MetaOrigin::TitleTag)
    );
}
