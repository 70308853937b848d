use serde::{Deserialize, Serialize};

use crate::Span;

/// A resolved political actor: who, from which country, in which sector.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical name ("Vladimir Putin", "Russia", "United Nations").
    pub name: String,
    /// ISO 3166-1 alpha-3 code, a non-ISO actor code (e.g. "XKX"), a bloc or
    /// region code ("WST", "EUR"), or `None` for actors with no country
    /// (international organisations carry `IGO` in `sectors` and their own
    /// code in `org`).
    pub country: Option<String>,
    /// Sector / agent codes, primary first ("GOV", "MIL", "IGO", ...).
    pub sectors: Vec<String>,
    /// Stable person id from the lexicon, when the actor is a known person.
    pub person_id: Option<String>,
    /// The role that was valid at the resolution date ("President",
    /// "Prime Minister"), when known.
    pub role: Option<String>,
    /// Organisation code for IGOs/NGOs ("UNO", "NATO", "ICRC").
    pub org: Option<String>,
}

impl Actor {
    /// CAMEO-style compact code: country (or org) followed by sectors,
    /// e.g. `RUSGOV`, `KORGOVMIL`, `IGOUNO`.
    pub fn code(&self) -> String {
        let sectors: String = self.sectors.concat();
        match (&self.country, &self.org) {
            (Some(country), _) => format!("{country}{sectors}"),
            (None, Some(org)) => format!("{sectors}{org}"),
            (None, None) => sectors,
        }
    }

    /// The primary sector code, if any.
    pub fn primary_sector(&self) -> Option<&str> {
        self.sectors.first().map(String::as_str)
    }
}

/// How an actor mention was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MentionKind {
    /// A known person's name, possibly with title ("President Vladimir Putin").
    Person,
    /// A country or territory name ("North Korea").
    Country,
    /// A demonym or adjective, possibly with a role ("South Korean defense minister").
    Demonym,
    /// A capital or seat of power used as metonym ("the Kremlin", "Seoul").
    Capital,
    /// An organisation ("the U.N. panel of experts", "NATO").
    Organization,
    /// A role or sector noun alone ("officials", "rebels").
    Role,
    /// A short form linked to an earlier full mention ("Putin", "the Russian president").
    Coreference,
    /// A pronoun linked to an earlier mention ("he", "his").
    Pronoun,
}

/// An actor mention in a document, resolved to an [`Actor`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    /// Where it is in the document text.
    pub span: Span,
    /// Index of the sentence holding it.
    pub sentence: usize,
    /// The text as written.
    pub text: String,
    /// How it was recognised.
    pub kind: MentionKind,
    /// The resolved actor.
    pub actor: Actor,
    /// For coreferent mentions: index (in the document's mention list) of
    /// the mention it refers back to.
    pub antecedent: Option<usize>,
    /// Lexicon rule or entry that produced it (for `dyad explain`).
    pub rule: String,
    /// 0.0–1.0.
    pub confidence: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes() {
        let a = Actor {
            name: "Ministry of Defense".into(),
            country: Some("KOR".into()),
            sectors: vec!["GOV".into(), "MIL".into()],
            ..Default::default()
        };
        assert_eq!(a.code(), "KORGOVMIL");
        let un = Actor {
            name: "United Nations".into(),
            sectors: vec!["IGO".into()],
            org: Some("UNO".into()),
            ..Default::default()
        };
        assert_eq!(un.code(), "IGOUNO");
        assert_eq!(un.primary_sector(), Some("IGO"));
    }
}
