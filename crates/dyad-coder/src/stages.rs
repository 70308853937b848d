//! Adapters to the actor and place stages (dyad-lexicon, dyad-geo), so the
//! engine's wiring does not depend on their loading details.

use std::path::PathBuf;

use dyad_core::{ActorMention, AnalyzedDocument, PlaceMention};

use crate::engine::GazetteerChoice;
use crate::error::CoderError;

/// Actor recognition with the loaded lexicon.
pub struct ActorStage {
    lexicon: dyad_lexicon::Lexicon,
}

impl ActorStage {
    /// Loads the built-in lexicon plus `dirs`.
    pub fn load(dirs: &[PathBuf]) -> Result<ActorStage, CoderError> {
        let lexicon =
            dyad_lexicon::Lexicon::load(dirs).map_err(|e| CoderError::Lexicon(e.to_string()))?;
        Ok(ActorStage { lexicon })
    }

    /// Actor mentions of a document.
    pub fn recognize(&self, doc: &AnalyzedDocument) -> Vec<ActorMention> {
        self.lexicon.recognize(doc)
    }

    /// The country a demonym names before a place noun ("Ukrainian
    /// territory"), see [`dyad_lexicon::Lexicon::demonym_place_country`].
    pub fn demonym_place_country(&self, demonym: &str, noun: &str) -> Option<&str> {
        self.lexicon.demonym_place_country(demonym, noun)
    }
}

/// Toponym recognition with the gazetteer, when one is loaded.
pub struct PlaceStage {
    gazetteer: Option<dyad_geo::Gazetteer>,
}

impl PlaceStage {
    /// Loads the chosen gazetteer; a missing default gazetteer is a warning.
    pub fn load(
        choice: &GazetteerChoice,
        warnings: &mut Vec<String>,
    ) -> Result<PlaceStage, CoderError> {
        let gazetteer = match choice {
            GazetteerChoice::None => None,
            GazetteerChoice::Path(p) => Some(
                dyad_geo::Gazetteer::load(p).map_err(|e| CoderError::Gazetteer(e.to_string()))?,
            ),
            GazetteerChoice::Default => match dyad_geo::Gazetteer::load_default() {
                Ok(g) => Some(g),
                Err(e) => {
                    warnings.push(format!("no gazetteer: event places fall back to datelines and actor countries ({e})"));
                    None
                }
            },
        };
        Ok(PlaceStage { gazetteer })
    }

    /// Toponyms of a document (empty without a gazetteer).
    /// The loaded gazetteer, if any.
    pub fn gazetteer(&self) -> Option<&dyad_geo::Gazetteer> {
        self.gazetteer.as_ref()
    }

    pub fn recognize(&self, doc: &AnalyzedDocument, actors: &[ActorMention]) -> Vec<PlaceMention> {
        match &self.gazetteer {
            Some(g) => g.recognize(doc, actors),
            None => Vec::new(),
        }
    }
}
