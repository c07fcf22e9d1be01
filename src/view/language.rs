//! The language of a document: from the function-word profile of its words (outside the
//! comment section) when that is decisive, else with whatlang on a bounded sample of its
//! longest paragraphs.

use crate::document::Document;
use crate::finding::Span;
use crate::lang::{LangInfo, Profile, identify};
use crate::lexicon::set::Lexicons;

/// Bytes of text given to whatlang to identify a document.
const SAMPLE_BYTES: usize = 2048;

/// Identifies the document's language: from the function-word profile of its text (outside
/// the comment section) when that is decisive, else with whatlang on a bounded sample of its
/// longest paragraphs. whatlang reads about 2 MB/s per core; most news documents in a
/// profiled language never need it.
pub fn detect_document(doc: &Document, masks: &[u16], comments: Option<Span>, res: &Lexicons) -> LangInfo {
    let in_comments = |span: Span| comments.is_some_and(|zone| zone.overlaps(span));
    if let Some(forced) = &res.forced_language {
        return *forced;
    }
    let words = &res.function_words;
    let profile = match comments {
        None => Profile::of_masks(masks.iter().copied()),
        // The masks the view keeps, for the words outside the comments.
        Some(_) => {
            Profile::of_masks(doc.words.iter().zip(masks).filter(|(w, _)| !in_comments(w.span)).map(|(_, &m)| m))
        }
    };
    if let Some((index, confidence)) = profile.decisive() {
        return LangInfo::from_lang(words.lang(index), confidence, true, "function-words");
    }
    let mut candidates: Vec<usize> =
        (0..doc.paragraphs.len()).filter(|&i| !in_comments(doc.paragraphs[i].span)).collect();
    if candidates.is_empty() {
        candidates = (0..doc.paragraphs.len()).collect();
    }
    candidates.sort_by_key(|&i| (std::cmp::Reverse(doc.paragraphs[i].span.len()), i));
    let mut sample = String::with_capacity(SAMPLE_BYTES + 8);
    for i in candidates {
        let para = doc.slice(doc.paragraphs[i].span);
        let room = SAMPLE_BYTES.saturating_sub(sample.len());
        if room < 16 {
            break;
        }
        let cut = crate::text::floor_char_boundary(para, room);
        sample.push_str(&para[..cut]);
        sample.push('\n');
    }
    identify(&sample)
}

#[cfg(test)]
mod tests {
    use crate::lexicon::set::Lexicons;
    use crate::view::View;

    #[test]
    fn documents_get_their_language() {
        let doc = View::build(
            "d",
            "Le président a déclaré jeudi que les négociations reprendraient la semaine prochaine à Genève, selon un communiqué.".into(),
            Lexicons::embedded(),
        );
        assert_eq!(doc.lang.code, "fra");
        assert!(doc.lang.confidence > 0.5);
    }

    #[test]
    fn close_languages_without_a_decisive_profile_go_to_whatlang() {
        let catalan = "el govern va presentar dimecres un projecte de llei sobre l habitatge que preveu noves ajudes per a les famílies i una simplificació dels tràmits per als ajuntaments i les associacions que han celebrat un text ambiciós però demanen més mitjans per aplicar-lo a les ciutats";
        let doc = View::build("ca", catalan.to_string(), Lexicons::embedded());
        assert_eq!((doc.lang.code, doc.lang.method), ("cat", "whatlang"));
    }
}
