//! One module per subcommand family.

pub mod actors;
pub mod bench;
pub mod code;
pub mod eval_events;
pub mod gazetteer_setup;
pub mod html;
pub mod places;
pub mod read;
pub mod serve;
pub mod store;
pub mod syntax;
pub mod syntax_raw;
