//! The app's QR encoder draws exactly what the general `qrcode` crate draws for the same
//! data, version and mask, and picks the smallest version that holds the data.

use qrcode::bits::Bits;
use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::types::{EcLevel, Version};
use relief_finder::qr;

const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// The reference: byte mode at level M, drawn by the `qrcode` crate with one mask.
fn reference(data: &[u8], version: i16, mask: usize) -> Option<Vec<bool>> {
    let v = Version::Normal(version);
    let mut bits = Bits::new(v);
    bits.push_byte_data(data).ok()?;
    bits.push_terminator(EcLevel::M).ok()?;
    let (data, ec) = qrcode::ec::construct_codewords(&bits.into_bytes(), v, EcLevel::M).ok()?;
    let mut canvas = Canvas::new(v, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    canvas.apply_mask(MASKS[mask]);
    Some(
        canvas
            .into_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect(),
    )
}

fn modules(code: &qr::QrCode) -> Vec<bool> {
    (0..code.size)
        .flat_map(|y| (0..code.size).map(move |x| (x, y)))
        .map(|(x, y)| code.get(x, y))
        .collect()
}

/// A link-like payload of `n` bytes.
fn payload(n: usize) -> Vec<u8> {
    let alphabet = b"https://relief.example/#z=ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    (0..n)
        .map(|i| alphabet[(i * 7 + i / 3) % alphabet.len()])
        .collect()
}

#[test]
fn every_version_and_mask_matches_the_reference_encoder() {
    for version in 1..=40u8 {
        let data = payload(usize::from(version) * 9);
        for mask in 0..8u8 {
            let Some(want) = reference(&data, i16::from(version), usize::from(mask)) else {
                continue;
            };
            let got = qr::encode_with(&data, version, mask);
            assert_eq!(got.size, usize::from(version) * 4 + 17);
            assert!(
                modules(&got) == want,
                "version {version}, mask {mask}: the modules differ from the qrcode crate's"
            );
        }
    }
}

#[test]
fn the_smallest_version_that_holds_the_data_is_chosen() {
    for n in [1, 14, 15, 100, 180, 181, 300, 2331] {
        let data = payload(n);
        let code = qr::encode(&data).expect("fits");
        let smallest = (1..=40i16)
            .find(|v| reference(&data, *v, 0).is_some())
            .expect("some version fits");
        assert_eq!(i16::from(code.version), smallest, "{n} bytes");
        assert_eq!(
            modules(&code),
            reference(&data, smallest, usize::from(code.mask)).expect("reference"),
            "{n} bytes"
        );
    }
    assert!(qr::encode(&payload(2332)).is_none(), "beyond version 40-M");
}

#[test]
fn the_svg_has_whole_pixels_per_module_and_a_quiet_zone() {
    let code = qr::encode(b"https://relief.example/#z=AQID").expect("fits");
    let svg = code.svg(4);
    let side = (code.size + 2 * qr::QUIET) * 4;
    assert!(
        svg.contains(&format!("width=\"{side}\" height=\"{side}\"")),
        "{svg}"
    );
    assert!(svg.contains("shape-rendering=\"crispEdges\""));
    // The top-left finder pattern starts after the quiet zone, 7 modules wide.
    assert!(svg.contains("M4 4h7v1h-7z"), "{svg}");
}
