//! Opening (with decompression by extension) and decoding documents.

use super::item::describe_io;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

/// Opens a file, decompressing `.gz` and `.zst` by extension.
pub fn open(path: &Path) -> Result<Box<dyn Read + Send>, String> {
    let file = File::open(path).map_err(|e| describe_io(&e))?;
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    if name.ends_with(".gz") {
        Ok(Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(file))))
    } else if name.ends_with(".zst") {
        // ruzstd: a pure-Rust decoder, so the build needs no C toolchain.
        let decoder = ruzstd::decoding::StreamingDecoder::new(BufReader::new(file))
            .map_err(|e| format!("not a valid zstd stream: {e}"))?;
        Ok(Box::new(decoder))
    } else {
        Ok(Box::new(file))
    }
}

/// Reads a whole text document, refusing what is larger than `limit` bytes.
pub fn read_document(path: &Path, limit: u64) -> Result<String, String> {
    if let Ok(meta) = std::fs::metadata(path)
        && meta.len() > limit
        && !is_compressed(path)
    {
        return Err(format!(
            "file is {} bytes, over the limit of {limit} bytes (input.max-document-bytes)",
            meta.len()
        ));
    }
    let reader = open(path)?;
    let mut bytes = Vec::new();
    reader.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| format!("read failed: {e}"))?;
    bytes_to_text(bytes, limit)
}

fn is_compressed(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    name.ends_with(".gz") || name.ends_with(".zst")
}

/// Checks size, binary content and encoding, and strips a byte-order mark.
pub fn bytes_to_text(bytes: Vec<u8>, limit: u64) -> Result<String, String> {
    if bytes.len() as u64 > limit {
        return Err(format!("document is over the limit of {limit} bytes (input.max-document-bytes)"));
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(format!("binary content (NUL byte at offset {pos})"));
    }
    let text =
        String::from_utf8(bytes).map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))?;
    validate_text(text)
}

/// Checks a decoded text: not empty, no NUL; strips a byte-order mark.
pub fn validate_text(mut text: String) -> Result<String, String> {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if let Some(pos) = text.find('\0') {
        return Err(format!("binary content (NUL character at offset {pos})"));
    }
    if text.trim().is_empty() {
        return Err("empty document".into());
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_bytes_are_explained() {
        assert_eq!(bytes_to_text(b"abc\0def".to_vec(), 100), Err("binary content (NUL byte at offset 3)".into()));
        assert_eq!(bytes_to_text(b"ab\xffcd".to_vec(), 100), Err("invalid UTF-8 at byte 2".into()));
        assert_eq!(bytes_to_text(b"  \n\t ".to_vec(), 100), Err("empty document".into()));
        assert!(bytes_to_text(b"0123456789".to_vec(), 5).unwrap_err().contains("over the limit of 5 bytes"));
        assert_eq!(bytes_to_text("\u{feff}Bonjour".as_bytes().to_vec(), 100), Ok("Bonjour".into()));
    }
}
