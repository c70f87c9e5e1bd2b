//! mova's text stages, free of the translation engine: everything mova does to
//! text before and after the model, and the names.
//!
//! Each module is one stage with one job; each keeps byte offsets into its input,
//! so a change can always be traced back to the source:
//!
//! - [`decode`]: bytes → UTF-8 text (or a typed error naming the encoding found).
//! - [`layout`]: an article's text → units (paragraphs, headings, captions) as
//!   byte ranges; everything else is kept verbatim.
//! - [`normalize`]: a unit → the text a model reads, with every change mapped back
//!   to the source.
//! - [`segment`]: that text → sentence byte ranges; [`sentences`] runs the two
//!   together, and [`stream`] feeds them from files in bounded memory.
//! - [`typography`]: a translation → the target language's quotes, dashes and
//!   spaces.
//! - [`translit`]: a name → its romanisations and Cyrillic spellings, by scheme.
//! - [`names`]: English text → the people and places it names, each with its
//!   Russian and Belarusian forms; and a translation → the same text with those
//!   names put right ([`names::Fixer`]). [`postedit`] runs it on translations
//!   made anywhere (`mova fix`).
//!
//! Shared by all: [`lang`] (target languages), [`error`] (one typed error for
//! mova's libraries), [`data`] (mova's rule-file format).
//!
//! The translator itself (models, engine, pipeline, cache) is the `mova` crate,
//! which re-exports all of this.

pub mod data;
pub mod decode;
pub mod error;
pub mod lang;
pub mod layout;
pub mod names;
pub mod normalize;
pub mod postedit;
pub mod segment;
pub mod sentences;
pub mod stream;
pub mod translit;
pub mod typography;

pub use error::{Error, Result};
pub use lang::Lang;
