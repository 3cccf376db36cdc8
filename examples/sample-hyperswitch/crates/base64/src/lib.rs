//! Minimal local stand-in for the `base64` crate. As with the real crate,
//! `encode`/`decode` are methods of the [`Engine`] trait, so callers need
//! `use base64::Engine;` in scope.

const STANDARD_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError;

pub mod engine {
    /// A configured engine: an alphabet and a padding flag.
    #[derive(Debug, Clone, Copy)]
    pub struct GeneralPurpose {
        pub(crate) alphabet: &'static [u8; 64],
        pub(crate) pad: bool,
    }

    pub mod general_purpose {
        use super::GeneralPurpose;
        use crate::{STANDARD_ALPHABET, URL_SAFE_ALPHABET};

        pub const STANDARD: GeneralPurpose = GeneralPurpose {
            alphabet: STANDARD_ALPHABET,
            pad: true,
        };
        pub const STANDARD_NO_PAD: GeneralPurpose = GeneralPurpose {
            alphabet: STANDARD_ALPHABET,
            pad: false,
        };
        pub const URL_SAFE: GeneralPurpose = GeneralPurpose {
            alphabet: URL_SAFE_ALPHABET,
            pad: true,
        };
        pub const URL_SAFE_NO_PAD: GeneralPurpose = GeneralPurpose {
            alphabet: URL_SAFE_ALPHABET,
            pad: false,
        };
    }
}

pub trait Engine {
    fn config(&self) -> (&'static [u8; 64], bool);

    fn encode<T: AsRef<[u8]>>(&self, input: T) -> String {
        let (alphabet, pad) = self.config();
        let mut out = String::new();
        for chunk in input.as_ref().chunks(3) {
            let bytes = [0, 1, 2].map(|i| chunk.get(i).copied().map(u32::from));
            let n = bytes
                .iter()
                .fold(0u32, |acc, b| (acc << 8) | b.unwrap_or(0));
            let emitted = chunk.len() + 1;
            for (i, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
                if i < emitted {
                    let idx = usize::try_from((n >> shift) & 0x3f).unwrap_or(0);
                    out.extend(alphabet.get(idx).map(|c| char::from(*c)));
                } else if pad {
                    out.push('=');
                }
            }
        }
        out
    }

    fn decode<T: AsRef<[u8]>>(&self, input: T) -> Result<Vec<u8>, DecodeError> {
        let (alphabet, _) = self.config();
        let mut out = Vec::new();
        let (mut acc, mut bits) = (0u32, 0u32);
        for c in input.as_ref().iter().filter(|c| **c != b'=') {
            let v = alphabet.iter().position(|a| a == c).ok_or(DecodeError)?;
            acc = (acc << 6) | u32::try_from(v).map_err(|_| DecodeError)?;
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                out.push(u8::try_from((acc >> bits) & 0xff).map_err(|_| DecodeError)?);
            }
        }
        Ok(out)
    }
}

impl Engine for engine::GeneralPurpose {
    fn config(&self) -> (&'static [u8; 64], bool) {
        (self.alphabet, self.pad)
    }
}

#[cfg(test)]
mod tests {
    use super::{engine::general_purpose::STANDARD, Engine};

    #[test]
    fn round_trip() {
        assert_eq!(STANDARD.encode("key:"), "a2V5Og==");
        assert_eq!(STANDARD.decode("a2V5Og=="), Ok(b"key:".to_vec()));
    }
}
