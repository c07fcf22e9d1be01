//! mtaudit: a machine-translation quality auditor.
//!
//! The library reads documents, segments each once ([`document::Document`]) and derives its
//! shared view ([`view::View`]), runs the detectors of [`registry`] over it, scores the
//! findings ([`score`]) and decides a verdict ([`gate`]). Emitters in [`output`] write the
//! results; the library itself never prints. Files import only downward through these layers
//! (README, "Architecture"; checked by `tests/layers.rs`).

pub mod analysis;
pub mod config;
pub mod corpus_copies;
pub mod corpus_names;
pub mod corpus_sites;
pub mod corpus_sketch;
pub mod detectors;
pub mod document;
pub mod engine;
pub mod evaluation;
pub mod finding;
pub mod gate;
pub mod input;
pub mod lang;
pub mod lexicon;
pub mod output;
pub mod passages;
pub mod registry;
pub mod resources;
pub mod rule;
pub mod score;
pub mod site_table;
pub mod spelling;
pub mod style_model;
pub mod text;
pub mod view;
